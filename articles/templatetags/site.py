from django import template

from .. import permissions
from ..links import absolute_url, share_links

register = template.Library()
register.filter("is_staff", permissions.is_staff)


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    return absolute_url(context.get("request"), path)


@register.simple_tag(takes_context=True)
def share_links_for(context, post) -> list[tuple[str, str]]:
    request = context.get("request")
    image = absolute_url(request, post.featured_image.url) if post.featured_image else ""
    return share_links(absolute_url(request, post.get_absolute_url()), post.title, image)
