"""`/healthz` tries the database, the cache and the storage for real, and names what failed."""

import json

import pytest

from tests.builders import make_post
from tests.servers import redis_server

pytestmark = pytest.mark.django_db


def health(client) -> tuple[int, dict, object]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content), response


def test_all_parts_working_answer_200_never_cached(client):
    status, body, response = health(client)

    assert status == 200
    assert body == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


def test_the_check_leaves_nothing_in_the_storage(client, settings):
    health(client)

    assert not list((settings.MEDIA_ROOT / "healthz").iterdir())


def test_unwritable_storage_is_named_without_details(client, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker / "media"

    status, body, response = health(client)

    assert status == 503
    assert body == {
        "status": "fail",
        "checks": {"database": "ok", "cache": "ok", "storage": "fail"},
    }
    assert str(tmp_path) not in response.content.decode()


def test_the_load_balancer_may_ask_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301  # everything else still goes to https


def test_only_reads_are_allowed(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200


@pytest.mark.once
def test_a_stopped_redis_is_reported_and_a_restarted_one_recovers(client, settings, tmp_path):
    with redis_server(tmp_path) as redis:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis.url,
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
        assert health(client)[:2] == (200, {"status": "ok", "checks": dict.fromkeys(
            ("database", "cache", "storage"), "ok")})  # fmt: skip

        redis.stop()
        status, body, response = health(client)
        assert status == 503
        assert body["checks"] == {"database": "ok", "cache": "fail", "storage": "ok"}
        assert str(redis.port) not in response.content.decode()

        page = client.get(make_post().get_absolute_url())  # served uncached, not failing
        assert page.status_code == 200

        redis.start()
        assert health(client)[0] == 200
