"""WordPress addresses keep answering after the move: old permalinks, `/?p=`, `/?page_id=`,
`/?s=`."""

from http import HTTPStatus

import pytest

from redirects.models import Redirect, RedirectSource
from tests.builders import make_post
from wordpress.models import LegacyPostId

pytestmark = pytest.mark.django_db


def _rename(obj, slug: str) -> None:
    obj.slug = slug
    obj.save()


def test_an_old_wordpress_permalink_keeps_its_query_and_redirects_without_a_trailing_slash(
    client,
):
    Redirect.objects.create(old_path="/2019/05/old-post/", new_path="/new-post/")

    response = client.get("/2019/05/old-post/?utm_source=x")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/new-post/?utm_source=x"


def test_wordpress_post_ids_resolve_to_the_post(client):
    post = make_post(slug="imported-post")
    LegacyPostId.objects.create(post=post, wp_id=123, source_site="https://old.example")
    draft = make_post(slug="imported-draft", published_at=None)
    LegacyPostId.objects.create(post=draft, wp_id=124)

    response = client.get("/?p=123")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/imported-post/"

    _rename(post, "renamed-post")
    assert client.get("/?p=123")["Location"] == "/renamed-post/"
    # Unknown or unpublished ids are just the home page, as WordPress shows for a bad id.
    assert client.get("/?p=124").status_code == HTTPStatus.OK
    assert client.get("/?p=999").status_code == HTTPStatus.OK
    assert client.get("/?p=abc").status_code == HTTPStatus.OK


def test_staff_can_list_redirects_and_wordpress_ids_in_the_admin(staff_client):
    post = make_post(slug="listed")
    _rename(post, "listed-now")
    LegacyPostId.objects.create(post=post, wp_id=77)

    redirects = staff_client.get("/admin/redirects/redirect/")
    assert redirects.status_code == HTTPStatus.OK
    assert "/listed/" in redirects.content.decode()
    legacy = staff_client.get("/admin/wordpress/legacypostid/")
    assert legacy.status_code == HTTPStatus.OK
    assert "?p=77" in legacy.content.decode()


def test_wordpress_query_string_addresses_are_redirected_from_the_table(client):
    make_post(slug="about-us")
    Redirect.objects.record_move("/?page_id=2", "/about-us/", source=RedirectSource.IMPORT)

    response = client.get("/?page_id=2")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/about-us/"
    assert Redirect.objects.get().source == RedirectSource.IMPORT
    assert client.get("/?page_id=3").status_code == HTTPStatus.OK


def test_wordpress_search_address_shows_the_same_results(client):
    make_post(title="Microneedling at home")

    response = client.get("/", {"s": "microneedling"})

    assert response.status_code == HTTPStatus.OK
    assert [hit.post.title for hit in response.context["hits"]] == ["Microneedling at home"]
    assert b'<meta name="robots" content="noindex">' in response.content


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_wordpress_search_address_shows_the_search_page(client):
    make_post(title="Microneedling at home")
    make_post(title="Chemical peels", body="<p>Not about needles.</p>")

    wordpress = client.get("/", {"s": "microneedling"})
    ours = client.get("/search/", {"q": "microneedling"})

    assert wordpress.status_code == ours.status_code == HTTPStatus.OK
    assert wordpress["X-Robots-Tag"] == "noindex"
    assert _main(wordpress) == _main(ours)
    assert "Chemical peels" not in _main(wordpress)


def test_wordpress_search_address_keeps_its_page_number(client, settings):
    settings.POSTS_PER_PAGE = 1
    make_post(title="Microneedling at home")
    make_post(title="Microneedling at the clinic")

    response = client.get("/page/2/", {"s": "microneedling"})

    assert response.status_code == HTTPStatus.OK
    assert response.context["count"] == 2
    assert response.context["page_obj"].number == 2


def test_wordpress_search_address_answers_only_safe_methods(client):
    assert client.post("/?s=microneedling").status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert client.head("/?s=microneedling").status_code == HTTPStatus.OK
