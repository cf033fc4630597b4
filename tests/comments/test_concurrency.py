"""Acceptance: on PostgreSQL, 16 concurrent posters sending 50 comments each through a real
HTTP server end with exactly 800 stored comments, none lost and none doubled."""

import http.client
import time
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection

from comments.models import Comment
from comments.moderation import make_token
from tests.builders import make_post

POSTERS = 16
EACH = 50


def _poster(address: str, post_id: int, token: str, poster: int) -> list[int]:
    parts = urlsplit(address)
    statuses = []
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    for n in range(EACH):
        body = urlencode(
            {
                "token": token,
                "body": f"Poster {poster} says thing {n}",
                "author_name": f"Poster {poster}",
                "author_email": f"poster{poster}@example.net",
            }
        )
        conn.request(
            "POST",
            f"/comments/post/{post_id}/",
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        response = conn.getresponse()
        response.read()
        statuses.append(response.status)
    conn.close()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_concurrent_posters_lose_and_double_nothing(live_server, settings, short_lived_connections):
    if connection.vendor != "postgresql":
        pytest.skip("measures PostgreSQL under concurrent writers; SQLite serialises writes")
    settings.COMMENTS_FLOOD_COUNT = 1_000_000
    post = make_post()
    token = make_token(post, now=time.time() - 10)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=POSTERS) as pool:
        results = list(
            pool.map(
                lambda poster: _poster(live_server.url, post.pk, token, poster), range(POSTERS)
            )
        )
    elapsed = time.perf_counter() - started

    statuses = [status for result in results for status in result]
    print(f"{len(statuses)} comments posted by {POSTERS} clients in {elapsed:.1f} s")
    assert statuses == [HTTPStatus.SEE_OTHER] * (POSTERS * EACH)
    assert Comment.objects.filter(post=post).count() == POSTERS * EACH
    bodies = Comment.objects.values_list("body", flat=True)
    assert len(set(bodies)) == POSTERS * EACH
