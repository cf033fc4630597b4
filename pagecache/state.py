"""The cache's generation: one small record every page key includes.

Any change to what a public page shows deletes the record (`bump`), so the next request starts a
new generation and every stored page is out of reach at once; old entries simply expire. The
record also holds the next scheduled publication time: once the clock passes it, the record is
renewed, so a scheduled post appears on time with nothing saved then.
"""

from __future__ import annotations

import logging
import time

from django.core.cache import caches
from django.db import transaction

from articles.models import Post

log = logging.getLogger(__name__)

STATE_KEY = "pagecache:state"
_down = False


def cache():
    from django.conf import settings

    return caches[settings.PAGECACHE_ALIAS]


def report_down(error: Exception) -> None:
    """Log the first failure of a run of them, not every request's."""
    global _down
    if not _down:
        _down = True
        log.warning("Page cache unreachable, serving pages uncached: %s", error)


def report_up() -> None:
    global _down
    if _down:
        _down = False
        log.warning("Page cache reachable again.")


def next_publication(now: float) -> float | None:
    from django.utils import timezone

    moment = (
        Post.objects.filter(published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return moment.timestamp() if moment else None


def generation() -> int:
    """The current generation (raises when the cache server cannot be reached)."""
    now = time.time()
    state = cache().get(STATE_KEY)
    if state is None or (state[1] is not None and now >= state[1]):
        state = (time.time_ns(), next_publication(now))
        cache().set(STATE_KEY, state, timeout=None)
    return state[0]


def _forget() -> None:
    try:
        cache().delete(STATE_KEY)
        report_up()
    except Exception as error:
        report_down(error)


def bump() -> None:
    """Make every stored page stale: now, and again once the change is committed (a page
    rendered in between from the old data must not outlive the transaction)."""
    _forget()
    transaction.on_commit(_forget)
