from django.conf import settings
from django.db.models import F, Value
from django.http import HttpRequest
from django.utils import timezone

from .models import Category, Page
from .prepared import NO_TIME, PreparedQuery

# Standing pages the footer links to, in order, when the site has them published.
FOOTER_PAGES = (("about", "About"), ("privacy-policy", "Privacy Policy"), ("contact", "Contact"))
_MENU, _FOOTER = 0, 1

# The menu's top categories and the footer's live standing pages, in one query:
# (kind, id, name or title, slug).
site_links = PreparedQuery(
    lambda now: (
        Category.objects.filter(parent=None)
        .order_by()
        .annotate(kind=Value(_MENU))
        .values_list("kind", "pk", "name", "slug")
        .union(
            Page.objects.published(now)
            .order_by()
            .filter(slug__in=[slug for slug, _label in FOOTER_PAGES])
            .annotate(kind=Value(_FOOTER), label=F("title"))
            .values_list("kind", "pk", "label", "slug"),
            all=True,
        )
        .order_by("kind", "name", "pk")
    ),
    now=NO_TIME,
)


class SiteLinks:
    """The menu's categories and the footer's pages of one request, read together when a
    template first asks for either."""

    def __init__(self) -> None:
        self._rows: list[tuple] | None = None

    def _of(self, kind: int) -> list[tuple]:
        if self._rows is None:
            self._rows = site_links(now=timezone.now())
        return [row[1:] for row in self._rows if row[0] == kind]

    def menu_categories(self) -> list[Category]:
        return [Category(pk=pk, name=name, slug=slug) for pk, name, slug in self._of(_MENU)]

    def footer_pages(self) -> list[tuple[str, str]]:
        """(address, label) of the footer's standing pages that exist: an imported site may
        have none of them, and a link must never lead to a missing page."""
        live = {slug for _pk, _title, slug in self._of(_FOOTER)}
        return [(f"/{slug}/", label) for slug, label in FOOTER_PAGES if slug in live]


def site(request: HttpRequest) -> dict:
    """Site-wide template values; the menu's categories and the footer's pages are read once,
    when a template asks."""
    links = SiteLinks()
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "menu_categories": links.menu_categories,
        "footer_pages": links.footer_pages,
    }
