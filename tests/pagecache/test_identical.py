"""Every anonymous response of a page is the same bytes, so any shared cache may keep it."""

import datetime
import difflib

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.pagecache.site import build_site, public_urls

pytestmark = pytest.mark.django_db

# Headers that differ by design and that no cache varies on: the clock's, and the request id
# every response carries for the logs (added outside the page cache, never stored with a page).
_CLOCK = {"Date", "Expires", "X-Request-ID"}


def _fetch(url: str):
    response = Client().get(url)
    assert response.status_code == 200, url
    headers = {k: v for k, v in response.headers.items() if k not in _CLOCK}
    return headers, response.content


def test_two_anonymous_requests_get_identical_bytes_on_every_public_page(settings):
    settings.PAGECACHE_ENABLED = False  # the pages themselves, not the cache's copy
    site = build_site()
    start = timezone.now().replace(second=5, microsecond=0) + datetime.timedelta(minutes=1)
    for url in public_urls(site):
        with time_machine.travel(start, tick=False) as traveller:
            first = _fetch(url)
            traveller.shift(datetime.timedelta(seconds=7))
            second = _fetch(url)
        assert first[0] == second[0], url
        changed = [
            line
            for line in difflib.unified_diff(
                first[1].decode().splitlines(), second[1].decode().splitlines(), n=0
            )
            if line[:1] in "+-"
        ]
        assert not changed, (url, changed[:6])


def test_pages_carry_no_csp_nonce_and_the_policy_allows_no_inline_script(client):
    site = build_site()
    for url in public_urls(site):
        response = client.get(url)
        policy = response.headers.get("Content-Security-Policy", "")
        assert "nonce-" not in policy, url
        assert "unsafe-inline" not in policy, url
        assert b"nonce=" not in response.content, url


def test_the_form_script_can_fetch_a_token_made_at_that_moment(client):
    site = build_site()
    response = client.get(f"/comments/post/{site.post.pk}/token/")
    assert response.status_code == 200
    assert response.json()["token"]
    assert "no-store" in response.headers["Cache-Control"]
    assert client.get("/comments/post/999999/token/").status_code == 404


def test_two_anonymous_requests_get_identical_bytes_on_the_not_found_page(settings):
    settings.PAGECACHE_ENABLED = False
    build_site()
    pages = []
    for _ in range(2):
        response = Client().get("/no-such-page-here/")
        assert response.status_code == 404
        headers = {k: v for k, v in response.headers.items() if k not in _CLOCK}
        pages.append((headers, response.content))
    assert pages[0] == pages[1]
