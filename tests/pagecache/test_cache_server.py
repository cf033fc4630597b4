"""With a real Redis: pages are shared through it, and when it goes away pages are served
uncached, logged once."""

import logging
import os
import shutil
import subprocess
import time
from http import HTTPStatus

import pytest
from django.core.cache import caches

from tests.pagecache.site import build_site
from tests.servers import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.once]

REDIS = shutil.which("redis-server")


@pytest.fixture
def redis_server(settings):
    if REDIS is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing (.ci/run installs it)")
        pytest.skip("no redis-server (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    for _ in range(100):
        try:
            caches["default"].set("ping", 1)
            break
        except Exception:
            time.sleep(0.05)
    yield process
    process.kill()
    process.wait(timeout=10)


def test_pages_are_stored_in_redis_and_served_uncached_when_it_stops(client, redis_server, caplog):
    site = build_site()
    url = site.post.get_absolute_url()
    assert client.get(url).status_code == HTTPStatus.OK
    assert any(key.startswith(b":1:pagecache:") for key in _keys())

    redis_server.kill()
    redis_server.wait(timeout=10)
    type(site.post).objects.filter(pk=site.post.pk).update(title="Rendered without a cache")
    with caplog.at_level(logging.WARNING, logger="pagecache.state"):
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == HTTPStatus.OK
            assert "Rendered without a cache" in response.content.decode()
    unreachable = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(unreachable) == 1


def _keys() -> list[bytes]:
    return caches["default"]._cache.get_client(None).keys("*")
