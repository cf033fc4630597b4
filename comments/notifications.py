"""Emails about comments. Each is a task (Django's tasks framework: in-process by default,
TASKS setting) enqueued only after the transaction that stored the change commits, so a
rolled-back comment never sends mail and a slow mail server never holds a database lock.

No email reveals one commenter's address to another."""

from __future__ import annotations

import email.policy
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.http import HttpRequest
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from articles.links import absolute_url

from . import staff
from .models import Comment, CommentStatus

UNSUBSCRIBE_SALT = "comments.unsubscribe"


def unsubscribe_token(comment: Comment) -> str:
    return signing.dumps(comment.pk, salt=UNSUBSCRIBE_SALT)


def site_base(request: HttpRequest | None) -> str:
    """The site's address without a trailing slash, or "" when neither SITE_URL nor a request
    can tell it."""
    if request is None and not settings.SITE_URL:
        return ""
    return absolute_url(request, "/").rstrip("/")


class _Message(EmailMessage):
    """Header lines may be as long as RFC 5322 allows (998), not 78: a longer List-Unsubscribe
    would be folded as an RFC 2047 encoded word, which no mail client reads as a URL."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def _send(subject: str, body: str, to: list[str], headers: dict | None = None) -> int:
    message = _Message(subject, body, settings.DEFAULT_FROM_EMAIL, to, headers=headers)
    return mailers.default.send_messages([message])


@task()
def notify_moderators(comment_id: int, base_url: str) -> int:
    recipients = list(settings.MODERATOR_EMAILS)
    comment = Comment.objects.select_related("post").filter(pk=comment_id).first()
    if not recipients or comment is None or comment.status != CommentStatus.PENDING:
        return 0

    def moderation_link(action: str) -> str:
        token = staff.moderation_token(comment, action)
        return base_url + reverse("admin:comments_comment_moderate", args=[token])

    body = (
        f"A comment on “{comment.post.title}” is waiting for moderation "
        f"({comment.status_reason}).\n\n"
        f"Name: {comment.author_name}\n"
        f"Website: {comment.author_url or '—'}\n\n"
        f"{comment.body}\n\n"
        f"Approve: {moderation_link('approve')}\n"
        f"Spam: {moderation_link('spam')}\n"
        f"Trash: {moderation_link('trash')}\n\n"
        f"Each link asks you to confirm (staff login needed) and works once, for "
        f"{settings.COMMENTS_MODERATION_LINK_DAYS} days.\n"
        f"Open it in the admin: {base_url}{comment.get_admin_url()}\n"
    )
    return _send(f"[{settings.SITE_NAME}] Comment awaiting moderation", body, recipients)


@task()
def notify_post_author(comment_id: int, base_url: str) -> int:
    comment = Comment.objects.select_related("post__author").filter(pk=comment_id).first()
    if comment is None or comment.status != CommentStatus.APPROVED:
        return 0
    author = comment.post.author
    if not author.email or comment.user_id == author.pk:
        return 0
    body = (
        f"{comment.author_name} commented on your article “{comment.post.title}”:\n\n"
        f"{comment.body}\n\n"
        f"Read it on the site: {base_url}{comment.get_absolute_url()}\n"
    )
    return _send(
        f"[{settings.SITE_NAME}] New comment on “{comment.post.title}”", body, [author.email]
    )


@task()
def notify_reply(comment_id: int, base_url: str) -> int:
    comment = Comment.objects.select_related("post", "parent").filter(pk=comment_id).first()
    if comment is None or comment.status != CommentStatus.APPROVED or comment.parent is None:
        return 0
    parent = comment.parent
    if (
        not parent.notify_replies
        or not parent.author_email
        or parent.author_email.lower() == comment.author_email.lower()
    ):
        return 0
    unsubscribe = base_url + reverse(
        "comments:unsubscribe", kwargs={"token": unsubscribe_token(parent)}
    )
    body = (
        f"Hello {parent.author_name},\n\n"
        f"{comment.author_name} replied to your comment on “{comment.post.title}”:\n\n"
        f"{comment.body}\n\n"
        f"Read the conversation: {base_url}{comment.get_absolute_url()}\n\n"
        f"You asked to be told about replies. To stop these emails, open this link and "
        f"confirm (no login needed):\n{unsubscribe}\n"
    )
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return _send(
        f"[{settings.SITE_NAME}] New reply to your comment", body, [parent.author_email], headers
    )


# The site's address as the request being served sees it, for the links in the emails that a
# save made during it sends; SITE_URL (or nothing) elsewhere, such as the shell or a worker.
_request_base: ContextVar[str | None] = ContextVar("comments_request_base", default=None)


@contextmanager
def site_address_of(request: HttpRequest) -> Iterator[None]:
    """Links in the emails sent by saves inside this block point to the request's site."""
    token = _request_base.set(site_base(request))
    try:
        yield
    finally:
        _request_base.reset(token)


def follow_status(sender, instance: Comment, created: bool, raw: bool = False, **kwargs) -> None:
    """Emails follow the comment's status, whichever path changed it (the form, the admin, a
    moderation link, the shell): a new held comment is sent to the moderators; the first time
    a comment is approved, the post's author and the commenter it answers are told — once,
    however often it is unapproved and approved again. Connected to `post_save` in
    `CommentsConfig.ready()`."""
    if raw:
        return
    base = _request_base.get()
    if base is None:
        base = site_base(None)
    if created and instance.status == CommentStatus.PENDING:
        transaction.on_commit(partial(notify_moderators.enqueue, instance.pk, base))
        return
    if instance.status != CommentStatus.APPROVED or instance.notified_at is not None:
        return
    now = timezone.now()
    # Claimed in the database, so two saves racing for the first approval send one set.
    if not Comment.objects.filter(pk=instance.pk, notified_at=None).update(notified_at=now):
        return
    instance.notified_at = now
    transaction.on_commit(partial(notify_post_author.enqueue, instance.pk, base))
    if instance.parent_id:
        transaction.on_commit(partial(notify_reply.enqueue, instance.pk, base))
