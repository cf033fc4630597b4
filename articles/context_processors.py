from django.conf import settings
from django.http import HttpRequest

from .models import Category


def site(request: HttpRequest) -> dict:
    """Site-wide template values; the menu's categories are read once, when a template asks."""
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "menu_categories": lambda: list(Category.objects.filter(parent=None).order_by("name")),
    }
