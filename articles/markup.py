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
    "img": {"src", "alt", "width", "height", "title", "loading", "decoding", "srcset", "sizes"},
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
_OTHER_ID = re.compile(r'<(a|h4)\b([^>]*?)\sid="([^"]*)"([^>]*)>')

# Ids the page layout uses itself (templates/, static/js/): no id in rich text takes one of
# them, so a post body cannot clobber the comment form or the skip link.
_LAYOUT_IDS = frozenset(
    {
        "main", "content", "comments", "comments-title", "respond", "reply-title",
        "cancel-comment-reply-link", "email-notes", "search", "search-page-input",
        "search-suggestions-title", "site-name", "site-search", "menu", "top", "toc-title",
        "references-title", "related-title", "share-title", "procedure-posts",
    }
)  # fmt: skip
# Families of layout ids built from data: comment anchors, form fields, A-Z letters, facts.
_LAYOUT_ID_FAMILIES = re.compile(r"comment-\d+(-author)?|id_.*|letter-.*|facts-.*")


class _Anchors:
    """Hands out slug ids that are unique in one document and never a layout id."""

    def __init__(self) -> None:
        self.used: set[str] = set(_LAYOUT_IDS)

    def take(self, text: str) -> str:
        base = slugify(text)[:60] or "section"
        if _LAYOUT_ID_FAMILIES.fullmatch(base):
            base = f"section-{base}"
        anchor, n = base, 2
        while anchor in self.used:
            anchor, n = f"{base}-{n}", n + 1
        self.used.add(anchor)
        return anchor


def add_heading_ids(html: str) -> str:
    """Give every h2/h3 a stable id so the table of contents and shared links can point at it;
    ids on links and h4s are kept as slugs, and none takes an id of the layout."""
    anchors = _Anchors()

    def label(match: re.Match) -> str:
        level, attrs, inner = match.groups()
        existing = _ID_ATTR.search(attrs)
        anchor = anchors.take(unescape(existing.group(1)) if existing else plain_text(inner))
        attrs = _ID_ATTR.sub("", attrs)
        return f'<h{level}{attrs} id="{anchor}">{inner}</h{level}>'

    def relabel(match: re.Match) -> str:
        tag, before, value, after = match.groups()
        return f'<{tag}{before} id="{anchors.take(unescape(value))}"{after}>'

    html = _HEADING.sub(label, html)
    return _OTHER_ID.sub(relabel, html)


def table_of_contents(html: str) -> list[tuple[str, str]]:
    """(id, text) for each h2 of sanitised HTML that has an id."""
    entries = []
    for level, attrs, inner in _HEADING.findall(html or ""):
        found = _ID_ATTR.search(attrs)
        if level == "2" and found:
            entries.append((found.group(1), plain_text(inner)))
    return entries
