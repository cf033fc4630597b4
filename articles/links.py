"""Absolute URLs: the SITE_URL setting when set (production), else the request's host."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.http import HttpRequest


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
