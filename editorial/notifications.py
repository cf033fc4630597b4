"""Emails of the review workflow, each a task (Django's tasks framework) enqueued after the
transaction that recorded the transition commits. Each carries the absolute address of the
post's change form in the admin, worked out while the request was served."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, mailers
from django.tasks import task

from .models import Submission, SubmissionState

REVIEWER_ROLES = ("Editor", "Medical reviewer")


def _send(subject: str, body: str, to: list[str]) -> int:
    if not to:
        return 0
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    return mailers.default.send_messages([message])


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "someone"


def reviewer_emails(exclude_pk: int | None = None) -> list[str]:
    """The addresses of the active Editors and Medical reviewers."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=REVIEWER_ROLES)
        .exclude(email="")
        .exclude(pk=exclude_pk)
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    return list(users)


@task()
def notify_reviewers(submission_id: int, link: str) -> int:
    submission = Submission.objects.select_related("post", "submitted_by").filter(pk=submission_id)
    submission = submission.first()
    if submission is None or submission.state != SubmissionState.PENDING:
        return 0
    what = "Changes to the live article" if submission.is_changes else "The article"
    body = (
        f"{what} “{submission.post.title}” was submitted for review by "
        f"{_name(submission.submitted_by)}.\n\n"
        f"Review it in the admin: {link}\n"
    )
    subject = f"[{settings.SITE_NAME}] For review: {submission.post.title}"
    return _send(subject, body, reviewer_emails(exclude_pk=submission.submitted_by_id))


@task()
def notify_writer(submission_id: int, link: str) -> int:
    submission = Submission.objects.select_related("post", "submitted_by", "decided_by").filter(
        pk=submission_id
    )
    submission = submission.first()
    if submission is None or submission.submitted_by is None:
        return 0
    title = submission.post.title
    who = _name(submission.decided_by)
    if submission.state == SubmissionState.SENT_BACK:
        subject = f"[{settings.SITE_NAME}] Sent back: {title}"
        body = f"{who} sent “{title}” back to you with this note:\n\n{submission.note}\n\n"
    elif submission.state == SubmissionState.APPROVED:
        subject = f"[{settings.SITE_NAME}] Approved: {title}"
        body = f"{who} approved “{title}” for publishing.\n\n"
    elif submission.state == SubmissionState.PUBLISHED and submission.decided_by_id:
        subject = f"[{settings.SITE_NAME}] Approved and published: {title}"
        body = f"{who} approved and published “{title}”.\n\n"
    else:
        return 0
    body += f"Open it in the admin: {link}\n"
    writer = submission.submitted_by.email
    return _send(subject, body, [writer] if writer else [])
