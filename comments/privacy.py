"""One person's comment data: export it, erase it; and forget old IP addresses."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Post

from .models import Comment, ModerationTerm

ANONYMOUS = "Anonymous"
REMOVED_BODY = "This comment was removed at its author’s request."


def export_data(email: str) -> dict:
    comments = Comment.objects.by_email(email).select_related("post").order_by("created_at", "pk")
    return {
        "email": email.strip(),
        "exported_at": timezone.now().isoformat(),
        "comments": [
            {
                "id": c.pk,
                "post": c.post.title,
                "post_url": c.post.get_absolute_url(),
                "parent_id": c.parent_id,
                "name": c.author_name,
                "email": c.author_email,
                "website": c.author_url,
                "body": c.body,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
                "ip_address": c.ip_address,
                "user_agent": c.user_agent,
                "notify_replies": c.notify_replies,
            }
            for c in comments
        ],
    }


@transaction.atomic
def erase(email: str, *, remove_body: bool = False) -> int:
    """Anonymise every comment sent with this email; returns how many were changed."""
    comments = Comment.objects.by_email(email)
    post_ids = set(comments.approved().values_list("post_id", flat=True))
    fields = {
        "author_name": ANONYMOUS,
        "author_email": "",
        "author_url": "",
        "ip_address": None,
        "user_agent": "",
        "user": None,
        "notify_replies": False,
        "updated_at": timezone.now(),
    }
    if remove_body:
        fields["body"] = REMOVED_BODY
    count = comments.update(**fields)
    ModerationTerm.objects.filter(term__iexact=email.strip()).delete()
    for post in Post.objects.filter(pk__in=post_ids):
        post.touch()
    return count


def purge_ips(days: int) -> int:
    """Remove IP addresses and user agents from comments older than `days` days."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .filter(Q(ip_address__isnull=False) | ~Q(user_agent=""))
        .update(ip_address=None, user_agent="")
    )
