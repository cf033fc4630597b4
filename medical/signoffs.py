"""Recording sign-offs and telling whether a post's text changed since the newest one."""

from __future__ import annotations

import datetime
import hashlib
import json

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from reversion.models import Version

from articles.models import Post, Reviewer

from .models import SignOff

REFERENCE_FIELDS = ("title", "publisher", "year", "url", "doi", "pmid")


def text_digest(post: Post, references: list | None = None) -> str:
    """A fingerprint of what a medical reviewer reads: title, excerpt, body and references in
    their order. `references` defaults to the post's own (prefetched or read here)."""
    if references is None:
        references = list(post.references.all()) if post.pk else []
    refs = sorted(references, key=lambda ref: (ref.position, ref.pk or 0))
    text = [
        post.title,
        post.excerpt,
        post.body,
        [[getattr(ref, name) for name in REFERENCE_FIELDS] for ref in refs],
    ]
    return hashlib.sha256(json.dumps(text, ensure_ascii=False).encode()).hexdigest()


def newest(post: Post) -> SignOff | None:
    return post.signoffs.newest_first().select_related("reviewer", "user").first()


def reviewer_of(user: User) -> Reviewer | None:
    """The public reviewer profile linked to this account, if any."""
    try:
        return user.reviewer_profile
    except Reviewer.DoesNotExist:
        return None


def sign_off(
    post: Post,
    reviewer: Reviewer,
    *,
    user: User | None = None,
    note: str = "",
    signed_at: datetime.datetime | None = None,
    text: tuple[Post, list] | None = None,
) -> SignOff:
    """Record that `reviewer` signed off the post as it is now (its newest version) — or
    `text`, the (post, references) of the version waiting to be published — and show the
    newest sign-off on the post. The post itself is not saved: a review is no update."""
    version = Version.objects.get_for_object(post).order_by("-pk").first()
    with transaction.atomic():
        record = SignOff.objects.create(
            post=post,
            reviewer=reviewer,
            user=user,
            version=version,
            text_digest=text_digest(*text) if text else text_digest(post),
            signed_at=signed_at or timezone.now(),
            note=note,
        )
        show_newest(post)
    return record


def show_newest(post: Post) -> None:
    """Copy the newest sign-off's reviewer and date onto the post (none: nobody, no date)."""
    latest = post.signoffs.newest_first().first()
    post.reviewed_by = latest.reviewer if latest else None
    post.last_reviewed_on = timezone.localdate(latest.signed_at) if latest else None
    Post.objects.filter(pk=post.pk).update(
        reviewed_by=post.reviewed_by, last_reviewed_on=post.last_reviewed_on
    )
    post.touch()


def record_review(post: Post, reviewer: Reviewer | None, reviewed_on: datetime.date | None) -> None:
    """A review known from elsewhere (an import, the demo content): a sign-off by nobody in
    particular on that day, unless the newest sign-off already says so."""
    latest = post.signoffs.newest_first().first()
    if reviewer is None:
        return
    if (
        latest is not None
        and latest.reviewer_id == reviewer.pk
        and timezone.localdate(latest.signed_at) == reviewed_on
    ):
        return
    moment = None
    if reviewed_on is not None:
        moment = timezone.make_aware(datetime.datetime.combine(reviewed_on, datetime.time(12)))
    sign_off(post, reviewer, note="Recorded from an earlier review.", signed_at=moment)
