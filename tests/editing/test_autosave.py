"""The editor's autosave: kept server-side per user, offered again, never on the public post."""

import json
from http import HTTPStatus

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Version

from articles.models import Post
from editing.models import Autosave
from tests.builders import make_category, make_page, make_post, make_tag, make_user
from tests.editing.forms import change_form_data

pytestmark = pytest.mark.django_db


def test_an_autosave_never_changes_the_post_and_is_offered_on_opening(staff_client, client):
    post = make_post(slug="kept", body="<p>Public text.</p>")
    url = f"/admin/articles/post/{post.pk}/change/"
    at = timezone.localtime(timezone.now()).replace(hour=10, minute=42)

    with time_machine.travel(at, tick=False):
        response = staff_client.post(
            f"/editing/post/{post.pk}/autosave/",
            {"body": "<p>Half-written draft.</p>", "title": "New", "csrfmiddlewaretoken": "x"},
        )
    assert response.status_code == HTTPStatus.OK

    assert Post.objects.get(pk=post.pk).body == "<p>Public text.</p>"
    assert "Half-written" not in client.get("/kept/").content.decode()
    saved = Autosave.objects.get(user=staff_client.user, post=post)
    assert saved.data == {"body": ["<p>Half-written draft.</p>"], "title": ["New"]}
    page = staff_client.get(url).content.decode()
    assert "You have unsaved changes from 10:42" in page
    assert "Half-written draft." in page  # in the data the script restores from


def test_a_restored_autosave_names_its_related_objects_not_their_ids(staff_client):
    post = make_post()
    skin, peels = make_category(name="Skin care"), make_tag(name="Chemical peels")
    staff_client.post(
        f"/editing/post/{post.pk}/autosave/",
        {"categories": [str(skin.pk)], "tags": [str(peels.pk)], "title": "Kept", "author": "x"},
    )

    page = staff_client.get(f"/admin/articles/post/{post.pk}/change/")

    labels = json.loads(page.content.decode().split('id="editing-autosave-labels"')[1]
                        .split(">", 1)[1].split("</script>")[0])  # fmt: skip
    assert labels == {
        "categories": {str(skin.pk): "Skin care"},
        "tags": {str(peels.pk): "Chemical peels"},
    }  # a value that is no id ("x") is left for the form to refuse


def test_an_autosave_is_offered_only_to_its_author(staff_client, client):
    post = make_post()
    staff_client.post(f"/editing/post/{post.pk}/autosave/", {"body": "<p>Mine.</p>"})
    other = make_user(username="other", is_staff=True, is_superuser=True)
    client.force_login(other)

    page = client.get(f"/admin/articles/post/{post.pk}/change/").content.decode()

    assert "unsaved changes" not in page


def test_discarding_or_saving_the_post_ends_the_autosave(staff_client):
    post, page_obj = make_post(), make_page()
    staff_client.post(f"/editing/page/{page_obj.pk}/autosave/", {"body": "<p>Page.</p>"})
    staff_client.post(f"/editing/post/{post.pk}/autosave/", {"body": "<p>Post.</p>"})

    discarded = staff_client.post(f"/editing/page/{page_obj.pk}/autosave/discard/")
    url = f"/admin/articles/post/{post.pk}/change/"
    staff_client.post(url, change_form_data(staff_client.get(url)))

    assert discarded.status_code == HTTPStatus.NO_CONTENT
    assert not Autosave.objects.exists()


def test_autosave_refuses_strangers_and_unknown_objects(client, staff_client):
    post = make_post()
    client.force_login(make_user(username="viewer", is_staff=True))

    assert client.post(f"/editing/post/{post.pk}/autosave/").status_code == HTTPStatus.NOT_FOUND
    assert staff_client.post("/editing/post/999999/autosave/").status_code == 404
    assert staff_client.post(f"/editing/tag/{post.pk}/autosave/").status_code == 404
    assert not Autosave.objects.exists()


def test_prune_versions_keeps_the_newest_and_the_recent(staff_client, settings):
    settings.VERSIONS_KEEP = 2
    settings.VERSIONS_MAX_AGE_DAYS = 30
    post = make_post()
    url = f"/admin/articles/post/{post.pk}/change/"
    now = timezone.now()
    for days_ago in [90, 60, 40, 10]:
        with time_machine.travel(now - timezone.timedelta(days=days_ago)):
            staff_client.post(url, change_form_data(staff_client.get(url), excerpt=str(days_ago)))

    call_command("prune_versions", verbosity=0)

    kept = Version.objects.get_for_object(post).order_by("pk")
    assert [v.field_dict["excerpt"] for v in kept] == ["40", "10"]

    call_command("prune_versions", "--keep=1", "--days=0", verbosity=0)
    assert [v.field_dict["excerpt"] for v in Version.objects.get_for_object(post)] == ["10"]


def test_the_change_forms_load_the_editor_script_and_no_inline_code(staff_client):
    post, page_obj = make_post(), make_page()

    for url in [
        f"/admin/articles/post/{post.pk}/change/",
        f"/admin/articles/page/{page_obj.pk}/change/",
    ]:
        html = staff_client.get(url).content.decode()
        assert '<script src="/static/js/editing.js" defer></script>' in html
        assert 'data-autosave-seconds="30"' in html
        assert "<script>" not in html  # the strict CSP runs no inline code

    assert "editing.js" not in staff_client.get("/admin/articles/post/add/").content.decode()
