"""Absolute URLs: the SITE_URL setting when set (production), else the request's host."""

import functools
from urllib.parse import quote, urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=8192)
def _reversed(resolver, prefix: str, name: str, kwargs: tuple) -> str:
    return reverse(name, urlconf=resolver.urlconf_name, kwargs=dict(kwargs) or None)


def path_to(name: str, **kwargs: str) -> str:
    """`reverse(name, kwargs=kwargs)`, remembered. A post page asks for some forty addresses
    (each category, tag, procedure and post it links to, several more than once), and Django
    works out each one anew; the answer depends only on the URL patterns and the script
    prefix, which are part of the key (a new URLconf is a new resolver)."""
    resolver = get_resolver(get_urlconf())
    return _reversed(resolver, get_script_prefix(), name, tuple(kwargs.items()))


def absolute_url(request: HttpRequest | None, path: str) -> str:
    if settings.SITE_URL:
        return settings.SITE_URL + path
    if request is None:
        raise ValueError("An absolute URL needs SITE_URL or a request.")
    return request.build_absolute_uri(path)


def post_share_links(request: HttpRequest | None, post) -> list[tuple[str, str]]:
    """The share links of a post page: its absolute address, title and featured image."""
    image = absolute_url(request, post.featured_image.url) if post.featured_image else ""
    return share_links(absolute_url(request, post.get_absolute_url()), post.title, image)


def share_links(url: str, title: str, image: str = "") -> list[tuple[str, str]]:
    """(network, link) pairs of plain share links: no scripts, no tracking."""
    pin = {"url": url, "description": title, **({"media": image} if image else {})}
    return [
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        (
            "Pinterest",
            "https://pinterest.com/pin/create/button/?" + urlencode(pin),
        ),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
        ("Email", f"mailto:?subject={quote(title, safe='')}&body={quote(url, safe='')}"),
    ]
