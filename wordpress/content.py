"""Turning WordPress post content into this site's sanitised HTML.

WordPress stores two kinds of content. Block-editor (Gutenberg) content is HTML wrapped in
`<!-- wp:… -->` comments: the comments go and the HTML stays as it is. Classic-editor content
is text whose blank lines mean paragraphs and whose single newlines mean line breaks, turned
into HTML at display time by WordPress's `wpautop`; `autop` below reproduces that behaviour.
Then the `[caption]` shortcode becomes a `<figure>`, other shortcodes go with their text kept,
and the result passes through the same sanitiser as the admin (`articles.markup.clean_html`).
Characters are never altered: entities, backslashes and every Unicode character come through.
"""

from __future__ import annotations

import re

from articles.markup import clean_html

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?\b.*?-->", re.S)


def has_blocks(text: str) -> bool:
    return _BLOCK_COMMENT.search(text) is not None


def strip_block_comments(text: str) -> str:
    """Remove Gutenberg's block delimiters, keeping the HTML between them."""
    return _BLOCK_COMMENT.sub("", text)


# -- autop: paragraphs and line breaks from blank lines and newlines ---------------------------

_BLOCKS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|"
    "area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|"
    "header|footer|nav|figure|figcaption|details|menu|summary"
)
_BLOCK_OPEN = re.compile(rf"(<(?:{_BLOCKS})[\s/>])")
_BLOCK_CLOSE = re.compile(rf"(</(?:{_BLOCKS})>)")
_BLOCK_TAG = rf"</?(?:{_BLOCKS})[^>]*>"
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_PRESERVE = re.compile(r"<(script|style|svg|math)[\s>].*?</\1>", re.S | re.I)
_NEWLINE_MARK = "\x00wpnl\x00"
_KEEP_MARK = "\x00keepnl\x00"


def autop(text: str, line_breaks: bool = True) -> str:
    """Blank lines become paragraphs, single newlines `<br />`, as WordPress shows classic text.

    Text inside `<pre>` is left alone, newlines inside tags are kept, block-level elements are
    never wrapped in a paragraph, and no `<br />` is put right next to a block tag.
    """
    if not text.strip():
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n") + "\n"

    # <pre> blocks keep their own line structure: set them aside.
    saved: list[str] = []

    def set_aside(match: re.Match) -> str:
        saved.append(match.group())
        return f"<pre data-autop-{len(saved) - 1}></pre>"

    text = _PRE.sub(set_aside, text)

    # Two line breaks in a row mean a new paragraph.
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    # Block tags stand on their own: a paragraph never spans one.
    text = _BLOCK_OPEN.sub(r"\n\n\1", text)
    text = _BLOCK_CLOSE.sub(r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    # Newlines inside a tag (between attributes) are not line breaks.
    text = _TAG.sub(lambda m: m.group().replace("\n", _NEWLINE_MARK), text)
    # <option>, <param>/<embed> and media <source>/<track> lists are not text.
    text = re.sub(r"\s*<option", "<option", text)
    text = re.sub(r"</option>\s*", "</option>", text)
    text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
    text = re.sub(r"\s*</object>", "</object>", text)
    text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)

    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p]
    text = "".join(f"<p>{p.strip(chr(10))}</p>\n" for p in paragraphs)

    text = re.sub(r"<p>\s*</p>", "", text)
    # A paragraph cut short by the end of a div/address/form is closed before it.
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    # A lone block tag is not a paragraph.
    text = re.sub(rf"<p>\s*({_BLOCK_TAG})\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*({_BLOCK_TAG})", r"\1", text)
    text = re.sub(rf"({_BLOCK_TAG})\s*</p>", r"\1", text)

    if line_breaks:
        text = _PRESERVE.sub(lambda m: m.group().replace("\n", _KEEP_MARK), text)
        text = re.sub(r"<br\s*/?>", "<br />", text)
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace(_KEEP_MARK, "\n")

    text = re.sub(rf"({_BLOCK_TAG})\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)

    for index, block in enumerate(saved):
        text = text.replace(f"<pre data-autop-{index}></pre>", block)
    return text.replace(_NEWLINE_MARK, "\n")


# -- shortcodes --------------------------------------------------------------------------------

_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))""")
_CAPTION = re.compile(r"\[(?:wp_)?caption(\s[^\]]*)?\](.*?)\[/(?:wp_)?caption\]", re.S)
_CAPTION_MEDIA = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S)
# Shortcodes WordPress (and its common plugins) register that take no attributes or closing tag:
# only these are recognised in their bare `[name]` form, so "[1]" or "[sic]" stay as written.
_BARE_SHORTCODES = {
    "gallery", "playlist", "audio", "video", "embed", "contact-form", "contact-form-7",
    "wpforms", "toc", "more", "nextpage", "googlemaps", "archives", "sitemap", "column",
    "one_half", "one_third", "two_thirds", "one_fourth", "three_fourths", "youtube", "vimeo",
    "soundcloud", "instagram", "twitter", "tweet", "code", "sourcecode", "latex",
}  # fmt: skip
_NAME = r"[A-Za-z][\w-]*"


def _attributes(raw: str) -> dict[str, str]:
    return {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in _ATTR.finditer(raw or "")
    }


def _caption(match: re.Match) -> str:
    attrs = _attributes(match.group(1))
    inner = match.group(2)
    found = _CAPTION_MEDIA.match(inner)
    media, text = (found.group(1), found.group(2)) if found else ("", inner)
    text = text.strip() or attrs.get("caption", "")
    align = attrs.get("align", "")
    css = "wp-caption" + (f" {align}" if re.fullmatch(r"align\w+", align) else "")
    caption = f"<figcaption>{text}</figcaption>" if text else ""
    return f'<figure class="{css}">{media}{caption}</figure>'


def convert_shortcodes(text: str) -> str:
    """`[caption]` → `<figure>`; other shortcodes removed with their inner text kept.

    `[[name]]` is WordPress's way of writing a shortcode literally: it becomes `[name]`.
    """
    escaped: list[str] = []

    def keep_literal(match: re.Match) -> str:
        escaped.append(match.group(1))
        return f"\x00sc{len(escaped) - 1}\x00"

    text = re.sub(rf"\[(\[/?{_NAME}[^\[\]]*\])\]", keep_literal, text)
    text = _CAPTION.sub(_caption, text)
    # Enclosing shortcodes: [name …]inner[/name] → inner (repeated for nesting).
    enclosing = re.compile(rf"\[({_NAME})(?:\s[^\]]*)?\](.*?)\[/\1\]", re.S)
    previous = None
    while previous != text:
        previous, text = text, enclosing.sub(lambda m: m.group(2), text)
    # Self-closing forms: with attributes, with a slash, or a known bare name.
    text = re.sub(rf"\[{_NAME}\s+[^\]]*?=[^\]]*\]", "", text)
    text = re.sub(rf"\[{_NAME}\s*/\]", "", text)
    text = re.sub(
        rf"\[({_NAME})\]",
        lambda m: "" if m.group(1).lower() in _BARE_SHORTCODES else m.group(),
        text,
    )
    for index, literal in enumerate(escaped):
        text = text.replace(f"\x00sc{index}\x00", literal)
    return text


_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|<br\s*/?>)*</p>\n?")


_STANDALONE_SHORTCODE = re.compile(
    rf"<p>\s*(\[({_NAME})(?:\s[^\]]*)?\](?:.*?\[/\2\])?)\s*</p>\n?", re.S
)


def unwrap_shortcodes(text: str) -> str:
    """A shortcode alone in its paragraph is not wrapped in `<p>` (its output is a block)."""
    return _STANDALONE_SHORTCODE.sub(r"\1", text)


def to_html(content: str) -> str:
    """WordPress post content → the sanitised HTML this site stores."""
    if has_blocks(content):
        body = strip_block_comments(content)
    else:
        body = unwrap_shortcodes(autop(content))
    # HTML would read a CDATA marker as a comment and hide it: show it as the text it is.
    body = body.replace("<![CDATA[", "&lt;![CDATA[").replace("]]>", "]]&gt;")
    # Shortcodes and unsafe elements removed may leave paragraphs with nothing in them.
    body = clean_html(convert_shortcodes(body))
    return _EMPTY_PARAGRAPH.sub("", body).strip()
