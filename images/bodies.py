"""Images inside rich text (post, page and procedure bodies): renditions made once per image, and
the body's <img> tags completed when the body is saved (`enhance`, which the app registers as a
body step of the content: `articles.extensions.add_body_step`).

Each local image a body uses has a `BodyImage` row: its size and its WebP renditions, made once
when it is uploaded (the `make_body_image` task) or imported. Saving a body then writes `width`,
`height`, `srcset` and `sizes` into its <img> tags from those rows, and `loading="lazy"` /
`decoding="async"` into every image below the fold (images of other hosts included, which are
otherwise left as they are). Pages print the stored body as it is: nothing is parsed or looked
up per request.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import unquote, urlsplit

from django.core.files.storage import default_storage

from .models import BodyImage

# The column a body is shown in (post, page, procedure): the full width up to 64em, then 42rem.
BODY_SIZES = "(min-width: 64em) 42rem, 100vw"

_IMG = re.compile(r"""<img\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE)
_ATTR = re.compile(r"""([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
# Written by `enhance` from the stored rendition rows; replaced each time a body is saved.
_OWN = ("width", "height", "srcset", "sizes")
_LOADING = ("loading", "decoding")
_PROBE = "uploads/x.png"


def _media_prefix() -> str:
    """Where the storage's URLs start (MEDIA_URL, or the bucket's public address)."""
    probe = default_storage.url(_PROBE)
    return probe[: probe.index(_PROBE)] if _PROBE in probe else ""


def local_name(src: str, prefix: str | None = None) -> str | None:
    """The storage name of an image URL of this site's media, or None for any other URL."""
    prefix = _media_prefix() if prefix is None else prefix
    url = unescape(src).strip()
    if not prefix or not url.startswith(prefix):
        return None
    name = unquote(urlsplit(url[len(prefix) :]).path)
    if not name or name.startswith("/") or ".." in name.split("/"):
        return None
    return name


def _attributes(inner: str) -> list[tuple[str, str | None]]:
    found = []
    for match in _ATTR.finditer(inner):
        value = next((v for v in match.groups()[1:] if v is not None), None)
        found.append((match.group(1).lower(), value))
    return found


def _tag(attributes: list[tuple[str, str | None]]) -> str:
    parts = [name if value is None else f'{name}="{value}"' for name, value in attributes]
    return "<img " + " ".join(parts) + ">" if parts else "<img>"


def local_names(html: str) -> set[str]:
    """The storage names of this site's images that some HTML shows."""
    prefix = _media_prefix()
    names = set()
    for match in _IMG.finditer(html or ""):
        src = dict(_attributes(match.group(1))).get("src")
        name = local_name(src, prefix) if src else None
        if name:
            names.add(name)
    return names


def enhance(html: str, *, eager: int = 0) -> str:
    """Sanitised rich text with its <img> tags completed: size, renditions and lazy loading.

    The first `eager` images load at once (one that may be above the fold), the rest lazily.
    Attributes this function writes are written again each time, so running it twice changes
    nothing, and a body edited in the editor gets them back on save."""
    if "<img" not in (html or ""):
        return html
    prefix = _media_prefix()
    tags = [(match, _attributes(match.group(1))) for match in _IMG.finditer(html)]
    names = {}
    for match, attributes in tags:
        src = dict(attributes).get("src")
        names[match.start()] = local_name(src, prefix) if src else None
    wanted = {name for name in names.values() if name}
    rows = {row.name: row for row in BodyImage.objects.filter(name__in=wanted)} if wanted else {}

    out, last = [], 0
    for position, (match, attributes) in enumerate(tags):
        row = rows.get(names[match.start()] or "")
        drop = set(_LOADING) | (set(_OWN) if row else set())
        kept = [(name, value) for name, value in attributes if name not in drop]
        if row is not None:
            kept += [("width", str(row.width)), ("height", str(row.height))]
            if row.renditions:  # an image narrower than the smallest rendition has none
                kept += [("srcset", escape(row.srcset)), ("sizes", BODY_SIZES)]
        if position >= eager:
            kept += [("loading", "lazy"), ("decoding", "async")]
        else:
            kept.append(("decoding", "async"))
        out += [html[last : match.start()], _tag(kept)]
        last = match.end()
    out.append(html[last:])
    return "".join(out)
