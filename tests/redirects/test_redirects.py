import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from articles.models import Procedure
from redirects.models import Redirect, RedirectSource, RedirectStatus
from tests.builders import make_post, make_procedure

pytestmark = pytest.mark.django_db


def _rename(obj, slug: str) -> None:
    obj.slug = slug
    obj.save()


def test_changing_a_published_posts_slug_makes_the_old_url_answer_301(client):
    post = make_post(slug="old-slug")
    _rename(post, "new-slug")

    response = client.get("/old-slug/")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/new-slug/"
    assert client.get("/new-slug/").status_code == HTTPStatus.OK
    assert Redirect.objects.get().source == RedirectSource.SLUG_CHANGE


def test_a_chain_of_three_renames_still_answers_with_one_hop(client):
    post = make_post(slug="first")
    for slug in ["second", "third", "fourth"]:
        _rename(post, slug)

    for old in ["/first/", "/second/", "/third/"]:
        response = client.get(old)
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY, old
        assert response["Location"] == "/fourth/", old
    assert Redirect.objects.count() == 3


def test_renaming_back_to_an_old_slug_leaves_no_loop(client):
    post = make_post(slug="alpha")
    _rename(post, "beta")
    _rename(post, "alpha")

    assert client.get("/alpha/").status_code == HTTPStatus.OK
    response = client.get("/beta/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/alpha/"
    assert list(Redirect.objects.values_list("old_path", "new_path")) == [("/beta/", "/alpha/")]


def test_renaming_a_draft_leaves_no_redirect_behind(client):
    post = make_post(slug="draft-one", published_at=None)
    _rename(post, "draft-two")

    assert not Redirect.objects.exists()


def test_changing_a_procedures_slug_redirects_its_page(client):
    procedure = make_procedure(slug="needling")
    _rename(procedure, "microneedling")

    response = client.get("/procedures/needling/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/procedures/microneedling/"
    assert Procedure.objects.get().slug == "microneedling"


def test_redirects_are_only_served_where_the_site_has_nothing(client):
    make_post(slug="real-post", title="The real post")
    Redirect.objects.create(old_path="/real-post/", new_path="/elsewhere/")

    response = client.get("/real-post/")

    assert response.status_code == HTTPStatus.OK
    assert "The real post" in response.content.decode()


def test_a_page_that_is_gone_answers_410(client):
    Redirect.objects.create(old_path="/withdrawn/", new_path="", status=RedirectStatus.GONE)

    response = client.get("/withdrawn/")

    assert response.status_code == HTTPStatus.GONE
    assert b"removed" in response.content
    assert b'name="robots" content="noindex"' in response.content


def test_an_external_target_is_allowed(client):
    Redirect.objects.create(old_path="/partner/", new_path="https://example.org/page")

    response = client.get("/partner/")
    assert response["Location"] == "https://example.org/page"


def test_a_loop_made_by_hand_is_a_404_not_an_endless_redirect(client):
    Redirect.objects.bulk_create(
        [Redirect(old_path="/a/", new_path="/b/"), Redirect(old_path="/b/", new_path="/a/")]
    )

    assert client.get("/a/").status_code == HTTPStatus.NOT_FOUND


def test_a_redirect_loop_is_refused_in_the_admin_with_a_message(staff_client):
    Redirect.objects.create(old_path="/one/", new_path="/two/")
    Redirect.objects.create(old_path="/two/", new_path="/three/")

    response = staff_client.post(
        "/admin/redirects/redirect/add/",
        {"old_path": "/three/", "new_path": "/one/", "status": "301"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "This would make a redirect loop: /three/ → /one/ → /two/ → /three/." in (
        response.content.decode()
    )
    assert Redirect.objects.count() == 2


def test_a_redirect_to_itself_and_a_gone_page_with_a_target_are_refused(staff_client):
    response = staff_client.post(
        "/admin/redirects/redirect/add/",
        {"old_path": "/same/", "new_path": "/same/", "status": "301"},
    )
    assert "An address cannot redirect to itself." in response.content.decode()

    response = staff_client.post(
        "/admin/redirects/redirect/add/",
        {"old_path": "/gone/", "new_path": "/somewhere/", "status": "410"},
    )
    assert "A page that is gone has no new address." in response.content.decode()
    assert not Redirect.objects.exists()


def test_staff_add_a_redirect_in_the_admin_and_paths_are_normalised(staff_client, client):
    response = staff_client.post(
        "/admin/redirects/redirect/add/",
        {"old_path": "http://old.example/caf%C3%A9/", "new_path": "new-place/", "status": "301"},
    )

    assert response.status_code == HTTPStatus.FOUND
    redirect = Redirect.objects.get()
    assert (redirect.old_path, redirect.new_path) == ("/café/", "/new-place/")
    assert client.get("/caf%C3%A9/")["Location"] == "/new-place/"


def test_posts_scheduled_for_later_keep_their_address_free(client):
    post = make_post(slug="later", published_at=timezone.now() + datetime.timedelta(days=1))
    _rename(post, "later-still")

    assert not Redirect.objects.exists()
