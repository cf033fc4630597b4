"""`/healthz`: can this app server do its work? A load balancer asks it every few seconds.

Each part the site needs (the database, the cache, the media storage) is tried for real; the
answer is 200 when all work and 503 otherwise, with a short JSON naming each part's state.
What went wrong is logged with the request id, never put in the answer: no host names, no
credentials, no tracebacks."""

import json
import logging
import uuid
from collections.abc import Callable

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("cosmediclist.health")


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not give back what was just stored")
    cache.delete(key)


def check_storage() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as stored:
            if stored.read() != b"ok":
                raise RuntimeError("the storage did not give back what was just stored")
    finally:
        default_storage.delete(name)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
}


def run_checks() -> dict[str, str]:
    states = {}
    for part, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("health check failed: %s", part)
            states[part] = "fail"
        else:
            states[part] = "ok"
    return states


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    states = run_checks()
    healthy = all(state == "ok" for state in states.values())
    body = {"status": "ok" if healthy else "fail", "checks": states}
    return HttpResponse(
        json.dumps(body), status=200 if healthy else 503, content_type="application/json"
    )
