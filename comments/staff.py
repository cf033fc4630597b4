"""What staff do to comments outside the change list: answer one from the admin, and act on a
held one straight from the moderation email.

The email's links are signed, name one action on one comment, and carry the comment's
`updated_at`: once the comment changes — by that link or any other way — the link no longer
works, so each is single use. They expire after COMMENTS_MODERATION_LINK_DAYS. Opening one
only shows a confirmation page behind the admin login (mail scanners open every link); the
change is made by the button's POST, with the staff member's change permission checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction

from .models import Comment, CommentStatus

MODERATION_SALT = "comments.moderation-link"

# Link action → (status it sets, the button's words).
ACTIONS = {
    "approve": (CommentStatus.APPROVED, "Approve"),
    "spam": (CommentStatus.SPAM, "Mark as spam"),
    "trash": (CommentStatus.TRASH, "Move to the trash"),
}


def moderation_token(comment: Comment, action: str) -> str:
    if action not in ACTIONS:
        raise ValueError(f"Unknown moderation action {action!r}.")
    return signing.dumps(
        {"c": comment.pk, "a": action, "v": comment.updated_at.isoformat()},
        salt=MODERATION_SALT,
    )


@dataclass(frozen=True)
class LinkCheck:
    comment: Comment | None = None
    action: str = ""
    problem: str = ""


def check_token(token: str) -> LinkCheck:
    """The comment and action a link names, or why it cannot be used."""
    max_age = settings.COMMENTS_MODERATION_LINK_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=MODERATION_SALT, max_age=max_age)
    except signing.SignatureExpired:
        return LinkCheck(
            problem="This moderation link has expired. Open the comment in the admin instead."
        )
    except signing.BadSignature:
        return LinkCheck(problem="This moderation link is not valid (it may have been cut short).")
    if not isinstance(data, dict) or data.get("a") not in ACTIONS:
        return LinkCheck(problem="This moderation link is not valid.")
    comment = Comment.objects.select_related("post").filter(pk=data.get("c")).first()
    if comment is None:
        return LinkCheck(problem="The comment this link was sent for no longer exists.")
    if comment.updated_at.isoformat() != data.get("v"):
        return LinkCheck(
            comment=comment,
            problem="This link was used already, or the comment changed after the email was "
            f"sent: it is now “{comment.get_status_display()}”. Nothing was changed.",
        )
    return LinkCheck(comment=comment, action=data["a"])


def set_status(comment: Comment, status: str, reason: str) -> bool:
    """Give the comment a new status through `save()` (so the page and the emails follow);
    False when it had that status already."""
    if comment.status == status:
        return False
    comment.status = status
    comment.status_reason = reason[: Comment._meta.get_field("status_reason").max_length]
    comment.save(update_fields=["status", "status_reason", "updated_at"])
    return True


def staff_reply(answered: Comment, user, body: str) -> Comment:
    """The site's answer to a comment: approved at once, threaded under it, marked as staff.
    Answering a held comment approves it too, as WordPress's "Approve and Reply" does; the
    answer to a comment at the deepest level goes under the one that comment answers."""
    parent = answered
    while parent.depth >= settings.COMMENTS_MAX_DEPTH and parent.parent_id:
        parent = parent.parent
    name = user.get_full_name() or user.get_username()
    with transaction.atomic():
        set_status(answered, CommentStatus.APPROVED, f"approved with a reply by {name}")
        reply = Comment(
            post=answered.post,
            parent=parent,
            author_name=name[: Comment._meta.get_field("author_name").max_length],
            author_email=user.email,
            body=body.strip(),
            status=CommentStatus.APPROVED,
            status_reason=f"staff reply by {user.get_username()}",
            user=user,
            is_by_staff=True,
        )
        reply.save()
    return reply
