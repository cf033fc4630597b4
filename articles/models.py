"""The content: posts, standing pages, their references and medical reviewers.

Categories, tags and procedures live in `taxonomy.py` and the publishing rules in
`querysets.py`; every model is importable from here (`from articles.models import Category`).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

from . import extensions, reviews
from .authors import AuthorProfile, safe_slug_validator
from .links import path_to
from .markup import summarise
from .photos import WithPhoto, srcset
from .querysets import (
    PostQuerySet,
    PostStatus,
    Publishable,
    PublishedQuerySet,
    trashed_at_field,
)
from .signals import content_changed
from .taxonomy import ANCESTOR_DEPTH, Category, Invasiveness, Procedure, Tag

__all__ = [
    "ANCESTOR_DEPTH", "AuthorProfile", "Category", "Invasiveness", "Page", "Post",
    "PostQuerySet", "PostStatus", "Procedure", "PublishedQuerySet", "Reference", "Reviewer", "Tag",
]  # fmt: skip

# First path segments the site uses itself: a post or page may not take them as its slug.
RESERVED_SLUGS = frozenset(
    {
        "admin", "author", "category", "ckeditor5", "comments", "feed", "media", "page",
        "procedures", "reviewers", "robots.txt", "search", "sitemap.xml", "static", "tag",
        "preview", "favicon.ico", "wp-admin", "wp-content", "wp-login.php",
    }
)  # fmt: skip


class ReviewerQuerySet(models.QuerySet):
    def with_review_count(self) -> ReviewerQuerySet:
        """`review_count`: the live posts each reviewer reviewed."""
        live = Post.objects.published().values("pk")
        return self.annotate(
            review_count=models.Count("posts", filter=models.Q(posts__in=live), distinct=True)
        )


class Reviewer(WithPhoto, models.Model):
    """A person with credentials who checks articles for medical accuracy. Their page,
    `/reviewers/<slug>/`, is public: name, photo, credentials, bio, registration link and the
    live articles they reviewed."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, validators=[safe_slug_validator])
    credentials = models.CharField(max_length=200, help_text="For example: MBBS, MRCP (Derm).")
    bio = models.TextField(blank=True)
    url = models.URLField(blank=True, help_text="A public profile or register entry.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reviewer_profile",
        help_text="The staff account this reviewer signs off articles with (never shown).",
    )  # fmt: skip

    objects = ReviewerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}"

    def get_absolute_url(self) -> str:
        return path_to("articles:reviewer_detail", slug=self.slug)

    @property
    def credential_list(self) -> list[str]:
        """ "MBBS, MRCP (Dermatology)" → ["MBBS", "MRCP (Dermatology)"]."""
        return [part.strip() for part in self.credentials.split(",") if part.strip()]


def _slug_taken_elsewhere(model: type[models.Model], slug: str) -> bool:
    return model.objects.filter(slug=slug).exists()


def _validate_top_level_slug(instance: models.Model, other: type[models.Model]) -> None:
    if instance.slug in RESERVED_SLUGS:
        raise ValidationError({"slug": f"“{instance.slug}” is used by the site itself."})
    if instance.slug.isdigit() and len(instance.slug) == 4:
        raise ValidationError({"slug": "A four-digit slug would clash with the year archives."})
    if _slug_taken_elsewhere(other, instance.slug):
        raise ValidationError(
            {"slug": f"A {other._meta.verbose_name} already uses the address /{instance.slug}/."}
        )


class Post(Publishable, models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    excerpt = models.TextField(blank=True, help_text="A sentence or two for lists and previews.")
    body = CKEditor5Field(blank=True)
    featured_image = models.ImageField(
        upload_to="featured/%Y/%m/",
        blank=True,
        width_field="featured_image_width",
        height_field="featured_image_height",
    )
    featured_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    featured_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    featured_image_renditions = models.JSONField(default=dict, blank=True, editable=False)
    featured_image_alt = models.CharField(
        "featured image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for people who cannot see it. Required with an image.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts"
    )
    categories = models.ManyToManyField(Category, blank=True, related_name="posts")
    procedures = models.ManyToManyField(Procedure, blank=True, related_name="posts")
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Empty: draft. In the future: scheduled, it goes live by itself at that time.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    changed_at = models.DateTimeField(
        default=timezone.now,
        editable=False,
        help_text="When anything shown on the post's page last changed: the post itself or "
        "its public discussion. Drives caching validators.",
    )
    is_featured = models.BooleanField(
        "featured (sticky)", default=False, help_text="Shown first on the home page."
    )
    comments_open = models.BooleanField(default=True)
    seo_title = models.CharField("SEO title", max_length=200, blank=True)
    seo_description = models.CharField("SEO description", max_length=300, blank=True)
    seo_canonical = models.URLField(
        "canonical URL", max_length=500, blank=True,
        help_text="Only when another address is the original; empty: this post's own address.",
    )  # fmt: skip
    seo_noindex = models.BooleanField(
        "hide from search engines", default=False, help_text="Adds a robots noindex."
    )
    primary_category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The category shown first and in the breadcrumbs (one of the post's own).",
    )  # fmt: skip
    # Who reviewed and when: kept by the medical app from the newest sign-off record.
    reviewed_by = models.ForeignKey(
        Reviewer, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts",
        editable=False,
    )  # fmt: skip
    last_reviewed_on = models.DateField(null=True, blank=True, editable=False)
    review_interval_months = models.PositiveSmallIntegerField(
        "review every", null=True, blank=True, choices=reviews.INTERVAL_CHOICES,
        help_text="How often the medical review falls due. Empty: the site's default.",
    )  # fmt: skip
    trashed_at = trashed_at_field()
    guid = models.CharField(
        "feed id",
        max_length=500,
        blank=True,
        editable=False,
        help_text="The id feeds give the post, when it has one of its own: a post imported "
        "from another site keeps its old GUID, so feed readers do not show it again as new.",
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        # The public lists, each without the trash: every list newest first (archives, feeds,
        # categories, tags and procedures join to it), the home page with featured posts
        # first, and one author's posts.
        indexes = [
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(trashed_at__isnull=True),
                name="post_public_newest",
            ),
            models.Index(
                fields=["-is_featured", "-published_at", "-id"],
                condition=Q(trashed_at__isnull=True),
                name="post_public_home",
            ),
            models.Index(
                fields=["author", "-published_at"],
                condition=Q(trashed_at__isnull=True),
                name="post_public_by_author",
            ),
        ]
        permissions = [
            ("publish_post", "Can publish, schedule and unpublish posts"),
            ("edit_others_posts", "Can edit, publish and trash other people's posts"),
            ("upload_image", "Can upload images"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def description(self) -> str:
        return self.seo_description or self.excerpt or summarise(self.body, 30)

    @property
    def was_updated(self) -> bool:
        return bool(
            self.published_at
            and self.updated_at
            and (self.updated_at - self.published_at).total_seconds() > 86_400
        )

    def clean(self) -> None:
        _validate_top_level_slug(self, Page)
        if self.featured_image and not self.featured_image_alt.strip():
            raise ValidationError(
                {"featured_image_alt": "Describe the featured image for screen-reader users."}
            )

    @property
    def review_due_on(self) -> datetime.date | None:
        return reviews.due_on(self.last_reviewed_on, self.review_interval_months)

    @property
    def is_review_overdue(self) -> bool:
        due = self.review_due_on
        return due is not None and due < reviews.today()

    @property
    def featured_srcset(self) -> str:
        """`srcset` for the featured image: the WebP renditions and the original."""
        return srcset(
            self.featured_image, self.featured_image_width, self.featured_image_renditions
        )

    def prepare_body(self) -> str:
        """The body as stored: sanitised, its images completed (sizes, renditions, lazy loading
        below the fold; with no featured image above it, the first one loads at once)."""
        return extensions.stored_body(self.body, eager=0 if self.featured_image else 1)

    def touch(self) -> None:
        """Record that the post's public page changed (e.g. a comment was approved)."""
        self.changed_at = timezone.now()
        Post.objects.filter(pk=self.pk).update(changed_at=self.changed_at)
        content_changed.send(sender=Post)

    def save(self, *args, **kwargs) -> None:
        self.body = self.prepare_body()
        self.changed_at = timezone.now()
        super().save(*args, **kwargs)


class Reference(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField("URL", max_length=500, blank=True)
    doi = models.CharField("DOI", max_length=200, blank=True)
    pmid = models.CharField("PMID", max_length=20, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def link(self) -> str:
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return ""


class Page(Publishable, models.Model):
    """A standing page (About, Privacy Policy, Contact), served at /<slug>/ like WordPress."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    body = CKEditor5Field(blank=True)
    published_at = models.DateTimeField(
        null=True, blank=True, default=timezone.now, help_text="Empty: draft."
    )
    updated_at = models.DateTimeField(auto_now=True)
    seo_title = models.CharField("SEO title", max_length=200, blank=True)
    seo_description = models.CharField("SEO description", max_length=300, blank=True)
    trashed_at = trashed_at_field()
    seo_canonical = models.URLField("canonical URL", max_length=500, blank=True)
    seo_noindex = models.BooleanField("hide from search engines", default=False)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def description(self) -> str:
        return self.seo_description or summarise(self.body, 30)

    def clean(self) -> None:
        _validate_top_level_slug(self, Post)

    def prepare_body(self) -> str:
        """The body as stored: sanitised, its images completed (the first one loads at once)."""
        return extensions.stored_body(self.body, eager=1)

    def save(self, *args, **kwargs) -> None:
        self.body = self.prepare_body()
        super().save(*args, **kwargs)
