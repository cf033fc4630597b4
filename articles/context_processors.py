from django.conf import settings
from django.http import HttpRequest

from .models import Category, Page

# Standing pages the footer links to, in order, when the site has them published.
FOOTER_PAGES = (("about", "About"), ("privacy-policy", "Privacy Policy"), ("contact", "Contact"))


def _footer_pages() -> list[tuple[str, str]]:
    """(address, label) of the footer's standing pages that exist: an imported site may have
    none of them, and a link must never lead to a missing page."""
    slugs = [slug for slug, _label in FOOTER_PAGES]
    live = set(Page.objects.published().filter(slug__in=slugs).values_list("slug", flat=True))
    return [(f"/{slug}/", label) for slug, label in FOOTER_PAGES if slug in live]


def site(request: HttpRequest) -> dict:
    """Site-wide template values; the menu's categories and the footer's pages are read once,
    when a template asks."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "menu_categories": lambda: list(Category.objects.filter(parent=None).order_by("name")),
        "footer_pages": _footer_pages,
    }
