from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .models import Category, Page
from .prepared import NO_TIME, PreparedQuery

# Standing pages the footer links to, in order, when the site has them published.
FOOTER_PAGES = (("about", "About"), ("privacy-policy", "Privacy Policy"), ("contact", "Contact"))


live_footer_pages = PreparedQuery(
    lambda now: (
        Page.objects.published(now)
        .filter(slug__in=[slug for slug, _label in FOOTER_PAGES])
        .values_list("slug", flat=True)
    ),
    now=NO_TIME,
)
menu_categories = PreparedQuery(lambda: Category.objects.filter(parent=None).order_by("name"))


def _footer_pages() -> list[tuple[str, str]]:
    """(address, label) of the footer's standing pages that exist: an imported site may have
    none of them, and a link must never lead to a missing page."""
    live = set(live_footer_pages(now=timezone.now()))
    return [(f"/{slug}/", label) for slug, label in FOOTER_PAGES if slug in live]


def site(request: HttpRequest) -> dict:
    """Site-wide template values; the menu's categories and the footer's pages are read once,
    when a template asks."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "menu_categories": menu_categories,
        "footer_pages": _footer_pages,
    }
