"""Comment bodies are plain text: escaped, with paragraphs and line breaks kept, and web
addresses turned into links that search engines do not follow."""

from __future__ import annotations

import re
import unicodedata
from html import escape
from urllib.parse import urlsplit

from django.utils.safestring import SafeString, mark_safe

LINK_REL = "nofollow ugc noopener"
_URL = re.compile(r"""\b(?:https?://|www\.)[^\s<>"'`]+""", re.IGNORECASE)
_TRAILING = ".,;:!?)]}’”'\""
# Bidirectional overrides and isolates reorder text on screen: a classic disguise.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def clean_text(value: str, *, multiline: bool) -> str:
    """Drop control characters (keeping newlines and tabs in bodies) and bidi overrides."""
    value = value.translate(_BIDI).replace("\r\n", "\n").replace("\r", "\n")
    allowed = "\n\t" if multiline else ""
    value = "".join(
        ch for ch in value if ch in allowed or not unicodedata.category(ch).startswith("C")
    )
    return value.strip()


def safe_web_url(url: str) -> str:
    """The address if it is an http(s) URL with a host, else empty (no javascript:, data:…)."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return ""
    return url


def _link(match: re.Match) -> tuple[str, str]:
    text = match.group(0)
    trail = ""
    while text and text[-1] in _TRAILING:
        if text[-1] == ")" and text.count("(") >= text.count(")"):
            break
        trail = text[-1] + trail
        text = text[:-1]
    href = text if "://" in text else f"https://{text}"
    if not safe_web_url(href):
        return escape(match.group(0)), ""
    return f'<a href="{escape(href)}" rel="{LINK_REL}">{escape(text)}</a>', escape(trail)


def linkify(text: str) -> str:
    # The standard library's escape (the characters and entities of Django's, without its
    # lazy-string wrapper): it runs several times for every line of every comment.
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(escape(text[last : match.start()]))
        link, trail = _link(match)
        out.append(link + trail)
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def render_body(text: str) -> SafeString:
    """Paragraphs (split at blank lines) in `<p>`, single line breaks as `<br>`. A link never
    spans a line (addresses hold no whitespace), so each paragraph is linkified whole."""
    text = text.strip()
    if "\n" not in text:  # most comments: one line
        return mark_safe(f"<p>{linkify(text)}</p>" if text else "")
    paragraphs = (p.strip() for p in re.split(r"\n\s*\n", text))
    return mark_safe("".join(f"<p>{linkify(p).replace('\n', '<br>')}</p>" for p in paragraphs if p))
