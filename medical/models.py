"""Medical sign-off as a record: who signed off which version of a post, when, with what note.

The newest sign-off of a post is what the public sees ("Medically reviewed by … · Last
reviewed …" and the JSON-LD): `signoffs.sign_off()` copies its reviewer and date onto the post
(`Post.reviewed_by`, `Post.last_reviewed_on`, which nothing else edits), so every public page
reads them with the post and the content app needs to know nothing of this one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from reversion.models import Version

from articles.models import Post, Reviewer


class SignOffQuerySet(models.QuerySet):
    def newest_first(self) -> SignOffQuerySet:
        return self.order_by("-signed_at", "-pk")


class SignOff(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="signoffs")
    reviewer = models.ForeignKey(Reviewer, on_delete=models.PROTECT, related_name="signoffs")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The account that signed off; empty for reviews recorded before sign-offs "
        "existed or brought in by an import.",
    )
    version = models.ForeignKey(
        Version,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The version of the post that was signed off (empty once pruned).",
    )
    text_digest = models.CharField(
        max_length=64,
        help_text="SHA-256 of the text signed off (title, excerpt, body, references): the "
        "text has changed since when the post's own digest differs.",
    )
    signed_at = models.DateTimeField(default=timezone.now, db_index=True)
    note = models.TextField(blank=True)

    objects = SignOffQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_at", "-pk"]
        verbose_name = "medical sign-off"
        indexes = [models.Index(fields=["post", "-signed_at"])]

    def __str__(self) -> str:
        return f"{self.post} — signed off by {self.reviewer.name} on {self.signed_at:%d %b %Y}"


class ReminderLog(models.Model):
    """When a reviewer was last sent their overdue reviews (at most once a week)."""

    reviewer = models.OneToOneField(
        Reviewer, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    sent_at = models.DateTimeField()
    post_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Reminder to {self.reviewer.name} at {self.sent_at:%d %b %Y %H:%M}"
