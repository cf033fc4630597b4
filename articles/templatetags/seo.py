from django import template

from ..jsonld import json_ld
from ..seo import Head

register = template.Library()


class MissingHead(template.TemplateSyntaxError):
    """A page was rendered without the `head` its view should have built."""


@register.inclusion_tag("articles/_head.html", takes_context=True)
def head_meta(context) -> dict:
    """Canonical link, social preview tags, feed links and JSON-LD: the `head` the view built
    for its page (with `articles.seo`'s builders). Nothing is guessed from the rest of the page."""
    head = context.get("head")
    if not isinstance(head, Head):
        name = getattr(context.template, "origin", None)
        raise MissingHead(
            f"{getattr(name, 'template_name', 'A page')} was rendered without `head`: its view "
            "must pass one built by articles.seo (post_head, page_head, basic_head, …)."
        )
    return {
        "head": head,
        "site_name": context.get("site_name"),
    }


register.filter("json_ld", json_ld)
