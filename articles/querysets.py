"""How posts and pages are published and listed: the rules, once, as chainable querysets."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import reviews
from .links import path_to
from .taxonomy import Category


class PostStatus(models.TextChoices):
    """Publishing is one nullable `published_at`: empty = draft, future = scheduled, past = live.

    `of()` applies the rule to one object, `condition()` to a query: the same rule, written here
    only, for the public views, the admin, the feeds and the sitemaps."""

    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    LIVE = "live", "Live"

    @classmethod
    def of(cls, published_at: datetime.datetime | None) -> PostStatus:
        if published_at is None:
            return cls.DRAFT
        if published_at > timezone.now():
            return cls.SCHEDULED
        return cls.LIVE

    def condition(self, now: datetime.datetime | None = None) -> Q:
        """At `now` (the current time unless given)."""
        now = now or timezone.now()
        return {
            PostStatus.DRAFT: Q(published_at__isnull=True),
            PostStatus.SCHEDULED: Q(published_at__gt=now),
            PostStatus.LIVE: Q(published_at__lte=now),
        }[self]


def trashed_at_field() -> models.DateTimeField:
    """The `trashed_at` of a `Publishable` model."""
    return models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="When it was moved to the trash; empty when it is not in the trash.",
    )


class Publishable:
    """The status, trash and address of a model with a `published_at` and a `trashed_at`
    (posts and standing pages)."""

    slug: str
    published_at: datetime.datetime | None
    trashed_at: datetime.datetime | None

    def move_to_trash(self) -> None:
        """Out of every public list at once; its comments and links stay for a restore.
        Through `save()`, so whatever listens to saves (search, history) sees it."""
        self.trashed_at = timezone.now()
        self.save()

    def restore_from_trash(self) -> None:
        self.trashed_at = None
        self.save()

    @property
    def status(self) -> PostStatus:
        return PostStatus.of(self.published_at)

    @property
    def is_live(self) -> bool:
        return self.status == PostStatus.LIVE

    @property
    def is_trashed(self) -> bool:
        return self.trashed_at is not None

    @property
    def was_live_when_trashed(self) -> bool:
        """Trashed after it had gone live: its address answers 410 Gone, not 404."""
        return self.is_trashed and self.is_live

    def get_absolute_url(self) -> str:
        """Posts and standing pages share the WordPress-style `/<slug>/` address."""
        return path_to("articles:slug_detail", slug=self.slug)


class PublishedQuerySet(models.QuerySet):
    def with_status(
        self, status: PostStatus | str, now: datetime.datetime | None = None
    ) -> PublishedQuerySet:
        return self.filter(PostStatus(status).condition(now))

    def published(self, now: datetime.datetime | None = None) -> PublishedQuerySet:
        """What the public sees: live (at `now`, the current time unless given) and not in
        the trash."""
        return self.with_status(PostStatus.LIVE, now).not_trashed()

    def not_trashed(self) -> PublishedQuerySet:
        return self.filter(trashed_at__isnull=True)

    def trashed(self) -> PublishedQuerySet:
        return self.filter(trashed_at__isnull=False)

    def live_by_date(self) -> PublishedQuerySet:
        """Live by its date, whether trashed or not (`published()` leaves out the trash)."""
        return self.with_status(PostStatus.LIVE)

    def trashed_before(self, moment: datetime.datetime) -> PublishedQuerySet:
        return self.filter(trashed_at__lt=moment)

    def scheduled(self) -> PublishedQuerySet:
        return self.with_status(PostStatus.SCHEDULED)

    def drafts(self) -> PublishedQuerySet:
        return self.with_status(PostStatus.DRAFT)

    def without_status(self, status: PostStatus | str) -> PublishedQuerySet:
        return self.exclude(PostStatus(status).condition())


class PostQuerySet(PublishedQuerySet):
    def for_listing(self) -> PostQuerySet:
        """What a list of post cards needs, in a constant number of queries."""
        return (
            self.select_related("author__author_profile")
            .prefetch_related(
                models.Prefetch("categories", queryset=Category.objects.with_ancestors())
            )
            .defer("body")
        )

    def in_category(self, category: Category, with_children: bool = False) -> PostQuerySet:
        """Posts filed under `category`, and with `with_children` under its subcategories
        too (one level down, the subcategories an archive page lists)."""
        if not with_children:
            return self.filter(categories=category)
        return self.filter(Q(categories=category) | Q(categories__parent=category)).distinct()

    def reviewed_by(self, reviewer) -> PostQuerySet:
        """Posts whose medical review is the reviewer's (what the post's review line shows)."""
        return self.filter(reviewed_by=reviewer)

    def newest_first(self) -> PostQuerySet:
        return self.order_by("-published_at", "-pk")

    def with_comment_count(self) -> PostQuerySet:
        """`comment_count`: approved comments only (the comments app's "approved" status).

        One small counting subquery per listed post (the comments' post/status index answers
        it) rather than a join and GROUP BY over the whole list: the list itself can then be
        read in order from the posts' own index and stop at the page's last post."""
        comments = self.model._meta.get_field("comments").related_model
        count = (
            comments._default_manager.filter(post=models.OuterRef("pk"), status="approved")
            .order_by()
            .values("post")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            comment_count=Coalesce(models.Subquery(count), 0, output_field=models.IntegerField())
        )

    def review_overdue(self, day: datetime.date | None = None) -> PostQuerySet:
        """Reviewed posts whose review fell due before today (or `day`)."""
        return self.filter(reviews.due_between(None, day or reviews.today()))

    def review_due_soon(
        self, days: int = reviews.DUE_SOON_DAYS, day: datetime.date | None = None
    ) -> PostQuerySet:
        """Reviewed posts whose review falls due from today to `days` days from now."""
        start = day or reviews.today()
        end = start + datetime.timedelta(days=days + 1)
        return self.filter(reviews.due_between(start, end))
