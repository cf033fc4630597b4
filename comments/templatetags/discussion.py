from django import template
from django.utils.safestring import SafeString

from ..markup import render_body, safe_web_url
from ..models import Comment

register = template.Library()


@register.filter
def comment_body(text: str) -> SafeString:
    return render_body(text)


@register.filter
def web_url(url: str) -> str:
    return safe_web_url(url)


@register.simple_tag
def pending_comment_count() -> int:
    return Comment.objects.pending().count()
