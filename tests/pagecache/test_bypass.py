"""What the page cache never stores nor serves, and how it answers what it has."""

import gzip
from http import HTTPStatus

import brotli
import pytest

from comments.models import Comment, CommentStatus
from tests.comments.builders import send_comment
from tests.pagecache.site import build_site

pytestmark = pytest.mark.django_db


def test_a_held_comment_is_shown_to_its_author_only_and_never_stored(client, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    site = build_site()
    url = site.post.get_absolute_url()
    client.get(url)  # the ordinary page is stored
    response = send_comment(client, site.post, body="My question, held for now.")
    assert response.status_code == HTTPStatus.SEE_OTHER
    own = client.get(response.headers["Location"])
    assert "My question, held for now." in own.content.decode()
    assert Comment.objects.get(body="My question, held for now.").status == CommentStatus.PENDING

    stranger = client.__class__()
    assert (
        "My question, held for now."
        not in stranger.get(response.headers["Location"]).content.decode()
    )
    assert "My question, held for now." not in stranger.get(url).content.decode()


def test_signed_in_staff_never_get_or_fill_a_stored_page(client, staff_client):
    site = build_site()
    url = site.post.get_absolute_url()
    client.get(url)
    site.post.body = "<p>Changed by a bulk fix.</p>"
    type(site.post).objects.filter(pk=site.post.pk).update(body=site.post.body)
    assert "Changed by a bulk fix." not in client.get(url).content.decode()
    assert "Changed by a bulk fix." in staff_client.get(url).content.decode()


def test_a_response_that_sets_a_cookie_or_is_not_found_is_not_stored(client):
    build_site()
    assert client.get("/no-such-page/").status_code == HTTPStatus.NOT_FOUND
    login = client.get("/admin/login/")
    assert login.cookies  # the CSRF cookie: the admin is never stored anyway
    assert "Cache-Control" not in login.headers or "public" not in login.headers["Cache-Control"]


def test_stored_pages_are_sent_compressed_as_the_client_asks(client):
    site = build_site()
    url = site.post.get_absolute_url()
    plain = client.get(url).content
    as_br = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    as_gzip = client.get(url, headers={"accept-encoding": "gzip"})
    assert as_br.headers["Content-Encoding"] == "br"
    assert brotli.decompress(as_br.content) == plain
    assert as_gzip.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(as_gzip.content) == plain
    assert "Accept-Encoding" in as_gzip.headers["Vary"]
    assert len(as_br.content) < len(plain) / 3


def test_a_stored_page_answers_a_conditional_request_with_304(client):
    site = build_site()
    url = site.post.get_absolute_url()
    first = client.get(url)
    again = client.get(url, headers={"if-none-match": first.headers["ETag"]})
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again.headers["ETag"] == first.headers["ETag"]


def test_the_bench_header_skips_the_cache_only_with_the_configured_token(client, settings):
    settings.PAGECACHE_BYPASS_TOKEN = "bench-only"
    site = build_site()
    url = site.post.get_absolute_url()
    client.get(url)
    type(site.post).objects.filter(pk=site.post.pk).update(title="Freshly rendered")
    wrong = client.get(url, headers={"x-page-cache-bypass": "guess"})
    right = client.get(url, headers={"x-page-cache-bypass": "bench-only"})
    assert "Freshly rendered" not in wrong.content.decode()
    assert "Freshly rendered" in right.content.decode()


def test_a_head_request_first_does_not_leave_an_empty_page_for_the_next_get(client):
    site = build_site()
    url = site.post.get_absolute_url()
    assert client.head(url).status_code == HTTPStatus.OK
    assert "Microneedling explained" in client.get(url).content.decode()
    assert client.head(url).content == b""
