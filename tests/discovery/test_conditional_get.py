import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.utils import timezone

from articles.models import Post
from tests.builders import make_category, make_post, make_procedure, make_tag

pytestmark = pytest.mark.django_db

URLS = [
    "/fixed-post/",
    "/",
    "/page/2/",
    "/category/skin/",
    "/tag/collagen/",
    "/procedures/microneedling/",
    "/feed/",
    "/feed/atom/",
    "/category/skin/feed/",
    "/tag/collagen/feed/",
    "/procedures/microneedling/feed/",
]


@pytest.fixture
def site(settings):
    settings.POSTS_PER_PAGE = 1
    common = {
        "categories": [make_category(slug="skin")],
        "tags": [make_tag(slug="collagen")],
        "procedures": [make_procedure(slug="microneedling")],
    }
    post = make_post(slug="fixed-post", **common)
    make_post(published_at=timezone.now() - datetime.timedelta(days=2), **common)
    return post


@pytest.mark.parametrize("url", URLS)
def test_a_repeated_request_with_the_etag_answers_304_with_an_empty_body(client, site, url):
    first = client.get(url)
    assert first.status_code == HTTPStatus.OK
    assert first["ETag"].startswith('W/"')
    assert first["Last-Modified"]

    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again.content == b""

    assert "Content-Security-Policy" in first
    assert "Content-Security-Policy" not in again  # would replace the stored page's policy

    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert by_date.status_code == HTTPStatus.NOT_MODIFIED
    assert by_date.content == b""


def test_a_304_is_answered_without_rendering(client, site, django_assert_max_num_queries):
    etag = client.get("/fixed-post/")["ETag"]
    with django_assert_max_num_queries(2):
        assert client.get("/fixed-post/", headers={"if-none-match": etag}).status_code == 304


@pytest.mark.parametrize("url", URLS)
def test_a_change_to_the_discussion_changes_the_validator(client, site, url):
    before = client.get(url)["ETag"]

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)):
        site.touch()  # what approving a comment does
        after = client.get(url, headers={"if-none-match": before})

    assert after.status_code == HTTPStatus.OK
    assert after["ETag"] != before


@pytest.mark.parametrize("url", URLS)
def test_editing_the_post_changes_the_validator(client, site, url):
    before = client.get(url)
    site.title = "A better title"
    site.save()

    after = client.get(url, headers={"if-none-match": before["ETag"]})
    assert after.status_code == HTTPStatus.OK
    assert after["ETag"] != before["ETag"]


@pytest.mark.parametrize("url", ["/", "/feed/", "/category/skin/", "/fixed-post/"])
def test_a_scheduled_post_going_live_changes_the_validator(client, site, url):
    due = timezone.now() + datetime.timedelta(hours=1)
    make_post(published_at=due, categories=list(site.categories.all()))
    before = client.get(url)["ETag"]

    with time_machine.travel(due + datetime.timedelta(minutes=1)):
        after = client.get(url, headers={"if-none-match": before})

    assert after.status_code == HTTPStatus.OK


def test_unpublishing_a_listed_post_changes_the_archive_validator(client, site):
    before = client.get("/")["ETag"]
    Post.objects.filter(pk=site.pk).update(published_at=None)

    assert client.get("/", headers={"if-none-match": before}).status_code == HTTPStatus.OK


def test_signed_in_readers_always_get_a_fresh_page(staff_client, site):
    first = staff_client.get("/fixed-post/")
    assert "ETag" not in first

    again = staff_client.get("/fixed-post/", headers={"if-none-match": '"anything"'})
    assert again.status_code == HTTPStatus.OK


def test_a_draft_is_never_answered_304(client):
    make_post(slug="a-draft", published_at=None)

    response = client.get("/a-draft/", headers={"if-none-match": "*"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "ETag" not in response


def test_a_staff_preview_of_a_draft_sends_no_validators(staff_client):
    make_post(slug="a-draft", published_at=None)

    response = staff_client.get("/a-draft/")
    assert response.status_code == HTTPStatus.OK
    assert "ETag" not in response
