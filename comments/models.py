"""Visitor comments under posts.

The privacy rule: a commenter's email (or any hash of it) and IP address are never shown in a
public response. Only the admin displays them. `__str__` therefore never includes the email.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.models import Post


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    SPAM = "spam", "Spam"
    TRASH = "trash", "Trash"


# The columns the public discussion shows.
THREAD_FIELDS = (
    "pk", "post_id", "parent_id", "depth", "author_name", "author_url", "body", "status",
    "created_at", "is_by_staff", "user_id",
)  # fmt: skip


class CommentQuerySet(models.QuerySet):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.APPROVED)

    def pending(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.PENDING)

    def on(self, post: Post) -> CommentQuerySet:
        return self.filter(post=post)

    def by_email(self, email: str) -> CommentQuerySet:
        return self.filter(author_email__iexact=email.strip())

    def for_thread(self) -> CommentQuerySet:
        """Only what the public discussion shows: never the email, IP or user agent."""
        return self.only(*THREAD_FIELDS).order_by("created_at", "pk")


# Fields whose change alters the public page when the comment is approved.
PUBLIC_FIELDS = ("author_name", "author_url", "body", "parent_id", "is_by_staff")


class ShownComment:
    """What the public thread derives from a comment's own columns, shared by the model and
    the lighter rows the post page reads (`discussion.ThreadComment`)."""

    __slots__ = ()
    pk: int
    author_name: str

    @property
    def anchor(self) -> str:
        """The id of this comment's element on the post page."""
        return f"comment-{self.pk}"

    @property
    def initials(self) -> str:
        """Up to two letters drawn from the name: the avatar, never anything from the email."""
        words = [w for w in self.author_name.replace(".", " ").split() if w[:1].isalnum()]
        letters = "".join(w[0] for w in words[:1] + words[1:][-1:])
        return letters.upper() or "?"

    @property
    def avatar_tone(self) -> int:
        """One of six background tones, chosen from the name so a person keeps their colour."""
        return sum(map(ord, self.author_name)) % 6


class Comment(ShownComment, models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.RESTRICT, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    author_name = models.CharField("name", max_length=100)
    author_email = models.EmailField("email", max_length=254, blank=True)
    author_url = models.URLField("website", max_length=200, blank=True)
    body = models.TextField("comment")
    status = models.CharField(
        max_length=10, choices=CommentStatus, default=CommentStatus.PENDING, db_index=True
    )
    status_reason = models.CharField(
        max_length=200, blank=True, help_text="Which rule (or who) decided the status."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    is_by_staff = models.BooleanField(
        "by the site's staff", default=False, help_text="Shown as a reply from the site."
    )
    notify_replies = models.BooleanField("notify of replies", default=False)
    notified_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the post's author and the replied-to commenter were told of this "
        "comment: once, on its first approval (imported and demo comments count as told).",
    )
    import_key = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="Stable key of an imported or demo comment, so loading again updates it.",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=CommentStatus.values), name="comment_status_valid"
            ),
            models.CheckConstraint(condition=Q(depth__gte=1), name="comment_depth_positive"),
            models.UniqueConstraint(
                fields=["post", "import_key"],
                condition=~Q(import_key=""),
                name="comment_import_key_unique_per_post",
            ),
        ]
        indexes = [
            models.Index(fields=["post", "status", "created_at"]),
            models.Index(fields=["ip_address", "created_at"]),
            models.Index(fields=["author_email"]),
        ]

    def __str__(self) -> str:
        return f"Comment #{self.pk} by {self.author_name} on {self.post_id}"

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any, **kwargs: Any) -> Comment:
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._remember_public_state()
        return instance

    def _remember_public_state(self) -> None:
        # A deferred field is missing from the instance's __dict__ (all of these are plain
        # columns, `parent_id` under its attribute name): no per-field lookups for each row.
        values = self.__dict__
        self._loaded = {name: values[name] for name in ("status", *PUBLIC_FIELDS) if name in values}

    def get_absolute_url(self, query: str = "") -> str:
        """The post page (with `query`, e.g. "cpage=2", when given) opened at this comment."""
        return f"{self.post.get_absolute_url()}{'?' if query else ''}{query}#{self.anchor}"

    def page_number(self, per_page: int) -> int:
        """Which page of the post's discussion shows this (approved) comment's thread."""
        root = self
        while root.parent_id:
            root = Comment.objects.only("pk", "parent_id", "created_at").get(pk=root.parent_id)
        earlier = (
            Comment.objects.approved()
            .on(self.post)
            .filter(parent=None)
            .filter(
                Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk)
            )
            .count()
        )
        return earlier // per_page + 1

    def get_admin_url(self) -> str:
        return reverse("admin:comments_comment_change", args=[self.pk])

    def changes_public_page(self) -> bool:
        """Would saving now change what the public sees under the post?"""
        before = getattr(self, "_loaded", None)
        if before is None:  # a new comment
            return self.status == CommentStatus.APPROVED
        was_public = before.get("status") == CommentStatus.APPROVED
        if was_public != (self.status == CommentStatus.APPROVED):
            return True
        return was_public and any(
            name in before and before[name] != getattr(self, name) for name in PUBLIC_FIELDS
        )

    def save(self, *args, **kwargs) -> None:
        if self._state.adding and self.parent_id:
            self.depth = self.parent.depth + 1
        touch = self.changes_public_page()
        super().save(*args, **kwargs)
        self._remember_public_state()
        if touch:
            self.post.touch()

    def delete(self, *args, **kwargs):
        was_public = self.status == CommentStatus.APPROVED
        post = self.post
        result = super().delete(*args, **kwargs)
        if was_public:
            post.touch()
        return result


class TermKind(models.TextChoices):
    MODERATE = "moderate", "Hold for moderation"
    DISALLOW = "disallow", "Disallowed: move to trash"


class ModerationTerm(models.Model):
    """A word, email, IP address or fragment of a link that holds or trashes a comment.

    Matched case-insensitively against the name, email, website, body, IP and user agent;
    a plain word only matches whole words ("ass" does not match "class").
    """

    term = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=TermKind, default=TermKind.MODERATE)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "term"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=TermKind.values), name="term_kind_valid"),
            models.UniqueConstraint(fields=["term", "kind"], name="term_unique_per_kind"),
        ]

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs) -> None:
        self.term = self.term.strip()
        super().save(*args, **kwargs)
