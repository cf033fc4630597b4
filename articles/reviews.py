"""When a post's medical review falls due: its last review plus its interval in months.

A post's `review_interval_months` overrides the site's `REVIEW_INTERVAL_MONTHS` (12). The
intervals a post may choose are a short fixed list, so that "overdue" is one query on every
database: for each interval, the reviews older than the latest date that is already past due.
Who reviewed and when are kept on the post by the medical app (from the newest sign-off).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import operator

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

INTERVAL_CHOICES = [
    (3, "3 months"),
    (6, "6 months"),
    (12, "12 months"),
    (18, "18 months"),
    (24, "24 months"),
    (36, "36 months"),
]
DUE_SOON_DAYS = 30


def default_interval() -> int:
    return settings.REVIEW_INTERVAL_MONTHS


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def due_on(reviewed_on: datetime.date | None, months: int | None) -> datetime.date | None:
    if reviewed_on is None:
        return None
    return add_months(reviewed_on, months or default_interval())


def _latest_review_due_before(day: datetime.date, months: int) -> datetime.date:
    """The latest review date whose due date is before `day`."""
    candidate = add_months(day, -months) - datetime.timedelta(days=1)
    while add_months(candidate + datetime.timedelta(days=1), months) < day:
        candidate += datetime.timedelta(days=1)
    return candidate


def due_between(start: datetime.date | None, end: datetime.date) -> Q:
    """Posts whose review falls due on or after `start` (None: any time) and before `end`.
    Never-reviewed posts are never due."""
    parts = []
    intervals = [(None, default_interval())] + [(m, m) for m, _label in INTERVAL_CHOICES]
    for chosen, months in intervals:
        part = Q(last_reviewed_on__lte=_latest_review_due_before(end, months))
        if start is not None:
            part &= Q(last_reviewed_on__gt=_latest_review_due_before(start, months))
        if chosen is None:
            part &= Q(review_interval_months__isnull=True)
        else:
            part &= Q(review_interval_months=chosen)
        parts.append(part)
    return functools.reduce(operator.or_, parts)


def today() -> datetime.date:
    return timezone.localdate()
