from django import template

from articles.models import Post

register = template.Library()


@register.simple_tag
def review_counts() -> dict[str, int]:
    """Posts (not in the trash) whose medical review is overdue, and due within 30 days."""
    posts = Post.objects.not_trashed()
    return {"overdue": posts.review_overdue().count(), "soon": posts.review_due_soon().count()}
