"""The site recovers by itself when its database restarts: gunicorn with production settings
and persistent database connections, on a PostgreSQL cluster of this test's own, which the test
stops and starts again. While the database is away, readers get a friendly 503."""

import json
import os
import urllib.error
import urllib.request
from http import HTTPStatus

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
        status, headers, html = get(base + POST)
    finally:
        cluster.start()

    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert headers["Retry-After"] == "30"
    assert "Back in a moment" in html
    assert "Traceback" not in html and "psycopg" not in html
    assert get(base + POST)[0] == HTTPStatus.OK


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
