from django import template

from ..links import absolute_url, share_links

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    return absolute_url(context.get("request"), path)


@register.simple_tag(takes_context=True)
def share_links_for(context, post) -> list[tuple[str, str]]:
    return share_links(absolute_url(context.get("request"), post.get_absolute_url()), post.title)
