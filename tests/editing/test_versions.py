"""Every save of an article is a version with its author; versions compare and restore."""

from http import HTTPStatus

import pytest
from reversion.models import Version

from articles.models import Post
from tests.builders import make_category, make_user
from tests.editing.forms import change_form_data
from tests.wordpress.helpers import FIXTURES, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(client, django_user_model):
    """Two signed-in editors with names, as clients."""
    clients = []
    for username, first, last in [("ana", "Ana", "Lopez"), ("ben", "Ben", "Okafor")]:
        user = make_user(
            username=username, first_name=first, last_name=last, is_staff=True, is_superuser=True
        )
        c = type(client)()
        c.force_login(user)
        c.user = user
        clients.append(c)
    return clients


def change_url(post: Post) -> str:
    return f"/admin/articles/post/{post.pk}/change/"


def edit(client, post: Post, **changes):
    """Open the post's change form and save it with `changes`, as an editor would."""
    page = client.get(change_url(post))
    assert page.status_code == HTTPStatus.OK
    response = client.post(change_url(post), change_form_data(page, **changes))
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    return response


def versions_of(post: Post) -> list[Version]:
    return list(
        Version.objects.get_for_object(post).select_related("revision__user").order_by("pk")
    )


def restore(client, post: Post, version: Version):
    """The history's restore: open the old version's form, save it as it is."""
    url = f"/admin/articles/post/{post.pk}/history/{version.pk}/"
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    response = client.post(url, change_form_data(page))
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]


def add_post(client, **fields) -> Post:
    data = {
        "title": "Microneedling for acne scars",
        "slug": "microneedling-for-acne-scars",
        "excerpt": "",
        "body": "<p>Microneedling softens <strong>rolling</strong> scars slowly.</p>",
        "published_at_0": "",
        "published_at_1": "",
        "comments_open": "on",
        "author": client.user.pk,
        "featured_image_alt": "",
        "seo_title": "",
        "seo_description": "",
        "references-TOTAL_FORMS": "1",
        "references-INITIAL_FORMS": "0",
        "references-0-position": "1",
        "references-0-title": "Old study of needling",
        "references-0-publisher": "",
        "references-0-year": "2019",
        "references-0-url": "",
        "references-0-doi": "",
        "references-0-pmid": "",
        **fields,
    }
    response = client.post("/admin/articles/post/add/", data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    return Post.objects.get(slug=data["slug"])


def test_three_edits_make_four_versions_that_compare_and_restore(editors):
    ana, ben = editors
    skin, scars = make_category(name="Skin"), make_category(name="Scars")
    post = add_post(ana, categories=[str(skin.pk)])
    first_body = post.body
    ref = post.references.get()

    edit(ben, post, body="<p>Microneedling softens <em>rolling</em> scars quickly.</p>")
    edit(ana, post, categories=[str(scars.pk)])
    edit(ben, post, **{"references-0-title": "New trial of needling"})

    versions = versions_of(post)
    assert [v.revision.user for v in versions] == [ana.user, ben.user, ana.user, ben.user]
    history = ben.get(f"/admin/articles/post/{post.pk}/history/").content.decode()
    assert history.count("Ana Lopez") == 2 and history.count("Ben Okafor") == 2

    compare = ben.get(
        f"/admin/articles/post/{post.pk}/history/compare/",
        {"version_id1": versions[0].pk, "version_id2": versions[2].pk},
    )
    assert compare.status_code == HTTPStatus.OK
    diff = compare.content.decode()
    assert "<del>slowly.</del> <ins>quickly.</ins>" in diff
    assert "&lt;strong&gt;" not in diff and "&lt;em&gt;" not in diff  # text, not raw HTML

    restore(ben, post, versions[0])

    post.refresh_from_db()
    assert post.body == first_body
    assert list(post.categories.all()) == [skin]
    assert list(post.references.values_list("pk", "title", "year")) == [
        (ref.pk, "Old study of needling", 2019)
    ]
    after = versions_of(post)
    assert len(after) == 5
    assert after[-1].revision.user == ben.user
    assert "Reverted to previous version" in after[-1].revision.comment


def test_a_bulk_publish_is_a_version_and_restores(editors, client):
    ana, _ = editors
    post = add_post(ana)

    ana.post("/admin/articles/post/", {"action": "publish_now", "_selected_action": [post.pk]})

    versions = versions_of(post)
    assert len(versions) == 2
    assert versions[-1].revision.user == ana.user
    assert versions[-1].revision.comment == "Published (bulk action)."
    assert versions[-1].field_dict["published_at"] is not None
    assert client.get(post.get_absolute_url()).status_code == HTTPStatus.OK

    restore(ana, post, versions[0])

    post.refresh_from_db()
    assert post.published_at is None
    assert client.get(post.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert len(versions_of(post)) == 3


def test_an_import_is_a_version_and_restores(editors):
    ana, _ = editors
    run_import(FIXTURES / "clinic-1.2.xml")
    post = Post.objects.get(slug="microneedling-acne-scars")
    imported_body = post.body
    imported_categories = set(post.categories.all())

    [version] = versions_of(post)
    assert version.revision.comment == "imported"
    edit(ana, post, body="<p>Rewritten entirely.</p>", categories=[])
    assert Post.objects.get(pk=post.pk).body == "<p>Rewritten entirely.</p>"

    restore(ana, post, version)

    post.refresh_from_db()
    assert post.body == imported_body
    assert set(post.categories.all()) == imported_categories
    assert len(versions_of(post)) == 3


def test_pages_and_procedures_keep_versions_too(staff_client):
    from tests.builders import make_page, make_procedure

    for obj, url in [
        (make_page(), "/admin/articles/page/{}/change/"),
        (make_procedure(), "/admin/articles/procedure/{}/change/"),
    ]:
        page = staff_client.get(url.format(obj.pk))
        response = staff_client.post(url.format(obj.pk), change_form_data(page))
        assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
        assert Version.objects.get_for_object(obj).count() == 1


def test_one_click_restore_puts_back_one_post_of_a_bulk_action(editors, client):
    ana, _ = editors
    first = add_post(ana)
    second = add_post(ana, slug="second-post", title="Second post")
    ana.post(
        "/admin/articles/post/",
        {"action": "publish_now", "_selected_action": [first.pk, second.pk]},
    )
    draft_version = versions_of(first)[0]
    history = ana.get(f"/admin/articles/post/{first.pk}/history/").content.decode()
    restore_url = f"/admin/articles/post/{first.pk}/history/{draft_version.pk}/restore/"
    assert f'formaction="{restore_url}"' in history
    assert "style=" not in history.split('id="change-history"')[1]  # strict CSP

    assert ana.get(restore_url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    response = ana.post(restore_url)

    assert response.status_code == HTTPStatus.FOUND
    assert client.get(first.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get(second.get_absolute_url()).status_code == HTTPStatus.OK  # left alone
    newest = versions_of(first)[-1]
    assert newest.revision.user == ana.user
    assert newest.revision.comment.startswith("Restored the version of")
    assert list(first.references.values_list("title", flat=True)) == ["Old study of needling"]


def test_restoring_drops_references_added_since(editors):
    ana, _ = editors
    post = add_post(ana)
    version = versions_of(post)[0]
    edit(
        ana,
        post,
        **{
            "references-TOTAL_FORMS": "2",
            "references-1-position": "2",
            "references-1-title": "Added later",
            "references-1-post": str(post.pk),
        },
    )
    assert post.references.count() == 2

    ana.post(f"/admin/articles/post/{post.pk}/history/{version.pk}/restore/")

    assert list(post.references.values_list("title", flat=True)) == ["Old study of needling"]


def test_only_editors_of_the_post_may_restore(editors, client):
    ana, _ = editors
    post = add_post(ana)
    version = versions_of(post)[0]
    client.force_login(make_user(username="viewer", is_staff=True))

    response = client.post(f"/admin/articles/post/{post.pk}/history/{version.pk}/restore/")

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert len(versions_of(post)) == 1


def test_a_version_of_another_kind_of_object_does_not_open_under_a_post(staff_client):
    from tests.builders import make_page

    page = make_page(title="About us")
    url = f"/admin/articles/page/{page.pk}/change/"
    staff_client.post(url, change_form_data(staff_client.get(url)))
    [version] = Version.objects.get_for_object(page)
    post = Post.objects.create(pk=page.pk, title="Post", slug="a-post", author=staff_client.user)

    response = staff_client.get(f"/admin/articles/post/{post.pk}/history/{version.pk}/")

    assert response.status_code == HTTPStatus.NOT_FOUND
