from django import template

from ..models import Submission

register = template.Library()


@register.simple_tag
def pending_review_count() -> int:
    """For the admin header: how many posts wait for an editor's review."""
    return Submission.objects.pending().filter(post__trashed_at__isnull=True).count()
