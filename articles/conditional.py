"""Conditional GET: validators (ETag, Last-Modified) computed from the data, before rendering.

A post's validator is its `changed_at` (moved on every save and by `Post.touch()` when its
public discussion changes), the newest change to its procedures' facts, the set of live posts
(related-post links change when a post goes live, including a scheduled one whose time has
come) and what other apps register in `articles.extensions` (the comments' epoch). A list's
validator is one aggregate over the posts it lists: how many, which, the newest change and the
newest publication time that has passed.

Requests that may see a personal page (signed in, a pending one-time message, or a registered
personal parameter such as a commenter's own held comment) are always rendered, so a 304 never
hides something meant for that person.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Count, Func, Max, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import JSONObject
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date

from . import extensions
from .models import Post, Procedure


@dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: datetime.datetime | None

    @classmethod
    def of(cls, *parts: object, last_modified: datetime.datetime | None) -> Validators:
        digest = hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()
        return cls(etag=f"W/{quote_etag(digest)}", last_modified=last_modified)


def _latest(*moments: datetime.datetime | None) -> datetime.datetime | None:
    present = [m for m in moments if m is not None]
    return max(present) if present else None


def listing_validators(posts: QuerySet[Post], *extra: object) -> Validators:
    """One aggregate query over the posts a list or feed shows (all its pages)."""
    facts = posts.order_by().aggregate(
        count=Count("pk", distinct=True),
        ids=Sum("pk", distinct=True),
        changed=Max("changed_at"),
        published=Max("published_at"),
    )
    return Validators.of(
        facts["count"],
        facts["ids"],
        facts["changed"],
        facts["published"],
        *extra,
        last_modified=_latest(
            facts["changed"],
            facts["published"],
            *(part for part in extra if isinstance(part, datetime.datetime)),
        ),
    )


def _live_posts_state(now: datetime.datetime | None) -> Subquery:
    """How many posts are live at `now`, the sum of their ids and their newest publication
    time, as one JSON object from a subquery of one row (plain functions, not aggregates: no
    GROUP BY in the outer query)."""
    live = Post.objects.published(now).order_by()
    state = JSONObject(
        count=Func("pk", function="COUNT"),
        ids=Func("pk", function="SUM"),
        newest=Func("published_at", function="MAX"),
    )
    return Subquery(live.annotate(state=state).values("state"))


def _moment(text: str | None) -> datetime.datetime | None:
    """A time as the JSON of either database prints it (SQLite's without its UTC offset)."""
    if not text:
        return None
    moment = datetime.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def with_validator_facts(
    posts: QuerySet[Post], now: datetime.datetime | None = None
) -> QuerySet[Post]:
    """Posts with what their page's validators need beyond their own row, read in the query
    that loads them: the newest change to their procedures' facts, and the count, id sum and
    newest date of the posts live at `now` (the current time unless given): what changes every
    post page's surroundings."""
    newest = (
        Procedure.objects.filter(posts=OuterRef("pk"))
        .order_by("-updated_at")
        .values("updated_at")[:1]
    )
    return posts.annotate(procedures_changed=Subquery(newest), live_state=_live_posts_state(now))


def post_validators(post: Post) -> Validators | None:
    """The validators of a live post's page, from the post as loaded for it
    (`with_validator_facts`); None for a draft, a scheduled or a trashed post, which are
    never answered 304."""
    if not post.is_live or post.is_trashed:
        return None
    procedures_changed = post.procedures_changed
    live = post.live_state or {}
    published = _moment(live.get("newest"))
    return Validators.of(
        post.pk,
        post.changed_at,
        procedures_changed,
        live.get("count"),
        live.get("ids"),
        published,
        *(part() for part in extensions.post_validators),
        last_modified=_latest(post.changed_at, procedures_changed, published),
    )


def is_personal(request: HttpRequest) -> bool:
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return True
    if not extensions.personal_parameters.isdisjoint(request.GET):
        return True
    messages = getattr(request, "_messages", None)
    return messages is not None and len(messages) > 0


def not_modified(request: HttpRequest, validators: Validators | None) -> HttpResponseBase | None:
    """A 304 (or 412) when the client's copy is current; None when the page must be rendered."""
    if validators is None or request.method not in ("GET", "HEAD") or is_personal(request):
        return None
    response = get_conditional_response(
        request,
        etag=validators.etag,
        last_modified=int(validators.last_modified.timestamp())
        if validators.last_modified
        else None,
    )
    if response is not None:
        # Browsers merge a 304's headers into the stored page. A fresh policy would carry no
        # nonce (nothing was rendered) and break the stored page's nonce'd scripts: send none.
        response._csp_config = {}
        response._csp_ro_config = {}
    return response


def stamp(
    request: HttpRequest, response: HttpResponseBase, validators: Validators | None
) -> HttpResponseBase:
    """Put the validators on a fresh 200 answer, and ask caches to check back each time."""
    if validators is None or response.status_code != 200 or is_personal(request):
        return response
    response.headers["ETag"] = validators.etag
    if validators.last_modified:
        response.headers["Last-Modified"] = http_date(validators.last_modified.timestamp())
    response.headers.setdefault("Cache-Control", "no-cache")
    return response
