"""Weekly reminders of overdue medical reviews, one email per reviewer.

A reviewer is emailed (at their linked account's address) the list of posts whose review is
overdue and whose newest sign-off is theirs, at most once every `REMINDER_EVERY` days, and
never when nothing is due. `send_review_reminders` runs this daily; running it again the same
day sends nothing more.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Post, Reviewer

from .models import ReminderLog

REMINDER_EVERY = datetime.timedelta(days=7)


@dataclass
class Outcome:
    sent: list[str]
    skipped_recent: list[str]


def _body(reviewer: Reviewer, posts: list[Post], base_url: str) -> str:
    lines = [
        f"Dear {reviewer.name},",
        "",
        f"The medical review of {len(posts)} article(s) you signed off is overdue:",
        "",
    ]
    for post in posts:
        link = base_url + reverse("admin:articles_post_change", args=[post.pk])
        lines.append(f"- {post.title} (due {post.review_due_on:%d %B %Y})\n  {link}")
    lines += [
        "",
        "Open each one, read it, and sign off the current version from its page.",
        "You are sent this list at most once a week while reviews are overdue.",
    ]
    return "\n".join(lines)


def send_reminders(base_url: str = "", now: datetime.datetime | None = None) -> Outcome:
    now = now or timezone.now()
    today = timezone.localdate(now)
    overdue = (
        Post.objects.not_trashed()
        .review_overdue(today)
        .filter(reviewed_by__user__is_active=True)
        .exclude(reviewed_by__user__email="")
        .order_by("last_reviewed_on", "pk")
        .only("pk", "title", "last_reviewed_on", "review_interval_months", "reviewed_by")
    )
    by_reviewer: dict[int, list[Post]] = {}
    for post in overdue:
        by_reviewer.setdefault(post.reviewed_by_id, []).append(post)
    reviewers = Reviewer.objects.select_related("user").in_bulk(list(by_reviewer))
    last_sent = dict(
        ReminderLog.objects.filter(reviewer__in=list(by_reviewer)).values_list(
            "reviewer_id", "sent_at"
        )
    )
    outcome = Outcome(sent=[], skipped_recent=[])
    for reviewer_id, posts in by_reviewer.items():
        reviewer = reviewers[reviewer_id]
        previous = last_sent.get(reviewer_id)
        if previous is not None and now - previous < REMINDER_EVERY:
            outcome.skipped_recent.append(reviewer.name)
            continue
        with transaction.atomic():
            # Claimed before sending: two runs at once cannot both send.
            log, _ = ReminderLog.objects.select_for_update().get_or_create(
                reviewer=reviewer, defaults={"sent_at": now, "post_count": len(posts)}
            )
            if log.sent_at != now and now - log.sent_at < REMINDER_EVERY:
                outcome.skipped_recent.append(reviewer.name)
                continue
            send_mail(
                f"{settings.SITE_NAME}: {len(posts)} medical review(s) overdue",
                _body(reviewer, posts, base_url),
                None,
                [reviewer.user.email],
            )
            log.sent_at, log.post_count = now, len(posts)
            log.save()
        outcome.sent.append(reviewer.name)
    return outcome
