"""Review before publishing: submissions for review and the draft changes of live posts.

A `Submission` is one request to review a post (a draft, or the draft changes of a live post):
pending until an Editor sends it back with a note or approves it, and published once the post
or its changes go live. At most one submission of a post is open (pending or approved) at a
time; closed ones stay as the post's review history.

`DraftChange` points at the version (django-reversion) that holds a live post's pending
changes: the live post and its draft are both versions of the same post, and the post row
itself keeps the live text until the changes are published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from reversion.models import Version

from articles.models import Post


class SubmissionState(models.TextChoices):
    PENDING = "pending", "Pending review"
    SENT_BACK = "sent_back", "Sent back"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


OPEN_STATES = (SubmissionState.PENDING, SubmissionState.APPROVED)


class SubmissionQuerySet(models.QuerySet):
    def open(self) -> SubmissionQuerySet:
        return self.filter(state__in=OPEN_STATES)

    def pending(self) -> SubmissionQuerySet:
        return self.filter(state=SubmissionState.PENDING)

    def newest_first(self) -> SubmissionQuerySet:
        return self.order_by("-submitted_at", "-pk")


class Submission(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="submissions")
    state = models.CharField(
        max_length=20, choices=SubmissionState.choices, default=SubmissionState.PENDING
    )
    is_changes = models.BooleanField(
        "draft changes", default=False, help_text="Changes to a live post, not a new post."
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="The editor's note to the writer.")

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        permissions = [("review_post", "Can send back and approve posts submitted for review")]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=SubmissionState.values), name="submission_state_valid"
            ),
            models.UniqueConstraint(
                fields=["post"],
                condition=Q(state__in=OPEN_STATES),
                name="one_open_submission_per_post",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.post} ({self.get_state_display().lower()})"


class DraftChange(models.Model):
    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="draft_change")
    version = models.OneToOneField(Version, on_delete=models.CASCADE, related_name="+")
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Draft changes of {self.post}"
