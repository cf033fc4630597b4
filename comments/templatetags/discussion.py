from django import template

from ..models import Comment

register = template.Library()


@register.simple_tag
def pending_comment_count() -> int:
    """For the admin header: how many comments wait for a moderator."""
    return Comment.objects.pending().count()
