"""Sanitising rich text. Every rich-text field passes through `clean_html` on save, once."""

import re
from html import unescape

import nh3
from django.utils.text import slugify

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "width", "height", "title", "loading", "srcset", "sizes"},
    "figure": {"class"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "abbr": {"title"},
    "blockquote": {"cite"},
}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel="noopener noreferrer",
    strip_comments=True,
    clean_content_tags={"script", "style"},
)


def clean_html(html: str) -> str:
    """Keep ordinary formatting; drop scripts, event handlers, styles and unsafe URLs."""
    if not html:
        return ""
    return add_heading_ids(_cleaner.clean(html).strip())


_WHITESPACE = re.compile(r"\s+")


def plain_text(html: str) -> str:
    """The text of some HTML with every tag removed and white space folded."""
    text = nh3.clean(html or "", tags=set(), clean_content_tags={"script", "style"})
    return _WHITESPACE.sub(" ", unescape(text)).strip()


def summarise(html: str, words: int = 30) -> str:
    parts = plain_text(html).split(" ")
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",.;:") + "…"


_HEADING = re.compile(r"<h([23])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL)
_ID_ATTR = re.compile(r'\sid="([^"]*)"')


# Ids the page layout uses itself; a heading never takes one of them.
_LAYOUT_IDS = frozenset({"main", "content", "comments", "respond", "search", "menu", "top"})


def add_heading_ids(html: str) -> str:
    """Give every h2/h3 a stable id so the table of contents and shared links can point at it."""
    used: set[str] = set(_LAYOUT_IDS)

    def label(match: re.Match) -> str:
        level, attrs, inner = match.groups()
        existing = _ID_ATTR.search(attrs)
        text = unescape(existing.group(1)) if existing else plain_text(inner)
        base = slugify(text)[:60] or "section"
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        attrs = _ID_ATTR.sub("", attrs)
        return f'<h{level}{attrs} id="{anchor}">{inner}</h{level}>'

    return _HEADING.sub(label, html)


def table_of_contents(html: str) -> list[tuple[str, str]]:
    """(id, text) for each h2 of sanitised HTML that has an id."""
    entries = []
    for level, attrs, inner in _HEADING.findall(html or ""):
        found = _ID_ATTR.search(attrs)
        if level == "2" and found:
            entries.append((found.group(1), plain_text(inner)))
    return entries
