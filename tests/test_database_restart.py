"""The site recovers by itself when its database restarts: gunicorn with production settings
and persistent database connections, on a PostgreSQL cluster of this test's own, which the test
stops and starts again. While the database is away, readers get a friendly 503."""

import http.client
import json
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http import HTTPStatus

import psycopg2
import pytest

from tests.servers import gunicorn, manage, postgres_cluster

POST = "/does-microneedling-improve-acne-scars/"


def get(url: str) -> tuple[int, dict, str]:
    try:
        response = urllib.request.urlopen(url, timeout=20)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, dict(response.headers), response.read().decode()


@pytest.fixture(scope="module")
def site_and_database(tmp_path_factory):
    work = tmp_path_factory.mktemp("restart")
    with postgres_cluster() as cluster:
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "restart-test-key-" + "r5" * 24,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": cluster.url,
            "DATABASE_CONN_MAX_AGE": "600",  # connections outlive the restart
            "STATIC_ROOT": str(work / "static"),
            "MEDIA_ROOT": str(work / "media"),
            # One worker with one thread: every request uses the same database connection.
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "1",
            "LOG_LEVEL": "CRITICAL",
            # The restart test posts comments quickly, from one address.
            "COMMENTS_MIN_SECONDS": "0",
            "COMMENTS_FLOOD_COUNT": "100000",
        }
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["seed_demo"]):
            manage(env, *command)
        with gunicorn(env, work / "gunicorn.log") as base:
            yield base, cluster


def test_a_database_restart_between_requests_goes_unnoticed(site_and_database):
    base, cluster = site_and_database
    assert get(base + POST)[0] == HTTPStatus.OK  # the connection is open

    cluster.stop()
    cluster.start()
    answers = [get(base + path)[0] for path in (POST, "/", "/?s=prp")]

    assert answers == [HTTPStatus.OK] * 3


def test_while_the_database_is_away_readers_are_asked_to_come_back(site_and_database):
    base, cluster = site_and_database
    assert get(base + POST)[0] == HTTPStatus.OK

    cluster.stop()
    try:
        # An address the page cache cannot hold yet (a cached page would still be served).
        status, headers, html = get(base + POST + "?from=outage")
    finally:
        cluster.start()

    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert headers["Retry-After"] == "30"
    assert "Back in a moment" in html
    assert "Traceback" not in html and "psycopg" not in html
    assert get(base + POST)[0] == HTTPStatus.OK


@pytest.mark.once
def test_health_check_names_a_stopped_database(site_and_database):
    base, cluster = site_and_database
    assert get(base + "/healthz")[0] == HTTPStatus.OK

    cluster.stop()
    try:
        status, headers, body = get(base + "/healthz")
    finally:
        cluster.start()

    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {
        "status": "fail",
        "checks": {"database": "fail", "cache": "ok", "storage": "ok"},
    }
    assert str(cluster.port) not in body
    assert get(base + "/healthz")[0] == HTTPStatus.OK


def post_form(url: str, form: dict) -> tuple[int, str | None]:
    """POST without following the redirect; the status and any Retry-After."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    try:
        connection.request(
            "POST", parts.path, urllib.parse.urlencode(form),
            {"Content-Type": "application/x-www-form-urlencoded", "User-Agent": "Mozilla/5.0"},
        )  # fmt: skip
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Retry-After")
    except OSError:
        return 0, None
    finally:
        connection.close()


@pytest.mark.once
def test_comments_posted_across_a_restart_are_stored_when_acknowledged(site_and_database):
    base, cluster = site_and_database
    html = get(base + POST)[2]
    action = re.search(r'action="(/comments/post/\d+/)"', html).group(1)
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    marker = f"restart-{uuid.uuid4().hex[:8]}"
    answers: list[tuple[int, str | None, str]] = []
    done = threading.Event()

    def visitor() -> None:
        for n in range(600):  # bounded: about a minute at most
            if done.is_set():
                return
            body = f"Comment {marker}-{n} about the treatment."
            form = {
                "token": token,
                "body": body,
                "author_name": "Visitor",
                "parent": "",
                "author_email": f"v{n}@example.net",
                "author_url": "",
                "leave_empty": "",
            }
            answers.append((*post_form(base + action, form), body))
            time.sleep(0.05)

    thread = threading.Thread(target=visitor)
    thread.start()
    time.sleep(1.5)
    cluster.stop()
    time.sleep(2)
    cluster.start()
    time.sleep(2.5)
    done.set()
    thread.join(timeout=60)

    with psycopg2.connect(cluster.url) as db, db.cursor() as cursor:
        cursor.execute("SELECT body FROM comments_comment WHERE body LIKE %s", [f"%{marker}%"])
        stored = {row[0] for row in cursor.fetchall()}
    acknowledged = {body for status, _retry, body in answers if status == HTTPStatus.SEE_OTHER}
    unavailable = [retry for status, retry, _body in answers if status == 503]
    print(
        f"\ncomments sent {len(answers)}: acknowledged {len(acknowledged)}, stored {len(stored)},"
        f" 503 during the outage {len(unavailable)}"
    )
    assert acknowledged == stored
    assert unavailable and set(unavailable) == {"30"}
    assert answers[-1][0] == HTTPStatus.SEE_OTHER  # recovered by itself
    assert len(answers) == len(acknowledged) + len(unavailable)
