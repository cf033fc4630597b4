from django import template

from ..seo import head_for, json_ld

register = template.Library()


@register.inclusion_tag("articles/_head.html", takes_context=True)
def head_meta(context) -> dict:
    """Canonical link, social preview tags, feed links and JSON-LD for this page."""
    return {
        "head": head_for(context),
        "csp_nonce": context.get("csp_nonce"),
        "site_name": context.get("site_name"),
    }


register.filter("json_ld", json_ld)
