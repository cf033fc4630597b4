"""Reading WordPress export files (WXR 1.0, 1.1 and 1.2) as a stream of typed records.

The parser is expat driven directly, fed in chunks, so memory is bounded by the largest record
(one author, term or item with its comments), never by the file. It is hardened: a document type
declaration is refused outright (WXR never has one), so no entity can be declared, expanded or
fetched; an undeclared entity is a syntax error; nothing is ever read from the network.
Post and comment meta values are kept as the strings they are; serialized PHP is never decoded,
and comment meta is skipped altogether.

One known defect of old WordPress exporters is recovered: a CDATA section holding an unescaped
`]]>` (for instance a nested ``<![CDATA[ … ]]>``). `scan` reads strictly first and only when that
fails retries with the repair (`repair_cdata`); if the repair does not help either, the strict
error, with its line and column, is the one reported.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

CHUNK_SIZE = 64 * 1024

# Namespace URIs are matched loosely: exporters wrote http:// and https://, 1.0, 1.1 and 1.2.
_WP_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-9]+/$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-9]+/excerpt/$")
_KNOWN_NS = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}


class WXRError(Exception):
    """The file cannot be read as a WordPress export; the message says where and why."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.line, self.column = line, column
        where = f" (line {line}, column {column})" if line is not None else ""
        super().__init__(f"{message}{where}")
        self.reason = message


@dataclass
class Site:
    title: str = ""
    link: str = ""
    description: str = ""
    language: str = ""
    wxr_version: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""

    @property
    def key(self) -> str:
        """What identifies the source site across exports: its base URL, else its link."""
        url = (self.base_blog_url or self.base_site_url or self.link).strip()
        key = url.rstrip("/").lower() or "unknown"
        if len(key) > 200:  # the ledger's column: keep it unique, readable and short enough
            key = f"{key[:135]}#{hashlib.sha256(key.encode()).hexdigest()}"
        return key


@dataclass
class Author:
    id: int | None
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    """A category, tag or other taxonomy term declared at the top of the export."""

    taxonomy: str  # "category", "post_tag", or a custom taxonomy
    term_id: int | None
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""


@dataclass
class ItemTerm:
    """A term attached to an item: `<category domain="post_tag" nicename="x">Name</category>`."""

    domain: str
    slug: str
    name: str


@dataclass
class Comment:
    id: int
    author: str = ""
    author_email: str = ""
    author_url: str = ""
    author_ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = ""
    type: str = ""
    parent: int = 0
    user_id: int = 0


@dataclass
class Item:
    """A post, page, attachment or any other post type, with its meta and comments."""

    id: int
    post_type: str = "post"
    title: str = ""
    link: str = ""
    guid: str = ""
    pub_date: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    modified_gmt: str = ""
    comment_status: str = ""
    ping_status: str = ""
    post_name: str = ""
    status: str = ""
    parent: int = 0
    menu_order: int = 0
    password: str = ""
    is_sticky: bool = False
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)


Record = Author | Term | Item


@dataclass
class Scan:
    """What a first, validating pass learned: counts, the site, attachments, and the mode."""

    site: Site
    recovered: bool
    counts: Counter
    attachments: dict[int, Item]

    @property
    def total(self) -> int:
        return self.counts["author"] + self.counts["term"] + self.counts["item"]


# -- the streaming reader ----------------------------------------------------------------------


@dataclass
class _Node:
    name: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    @property
    def value(self) -> str:
        return "".join(self.text)

    def child(self, name: str) -> str:
        for node in self.children:
            if node.name == name:
                return node.value
        return ""


def _qualify(raw: str) -> str:
    """'uri local' (expat's form with a namespace separator) -> 'wp:local', 'content:encoded'…"""
    uri, _, local = raw.rpartition(" ")
    if not uri:
        return local
    if _WP_NS.match(uri):
        return f"wp:{local}"
    if _EXCERPT_NS.match(uri):
        return f"excerpt:{local}"
    prefix = _KNOWN_NS.get(uri)
    return f"{prefix}:{local}" if prefix else f"{{{uri}}}{local}"


_RECORDS = {"item", "wp:author", "wp:category", "wp:tag", "wp:term"}
_SITE_FIELDS = {
    "title": "title",
    "link": "link",
    "description": "description",
    "language": "language",
    "wp:wxr_version": "wxr_version",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
}
# Inside these, nothing is kept: comment meta may hold serialized PHP and is never needed.
_SKIPPED = {"wp:commentmeta"}


class _Reader:
    """Feeds bytes to expat and turns finished records into dataclasses."""

    def __init__(self, on_record: Callable, build: bool = True) -> None:
        self.on_record = on_record
        self.build = build
        self.site = Site()
        self.depth = 0
        self.stack: list[_Node] = []
        self.skip_depth = 0
        self.site_text: list[str] | None = None
        self.seen_channel = False
        # A file that is not shaped like an export is read to its end all the same, so that a
        # syntax error further on (the more precise diagnosis) is the one reported.
        self.wrong_shape: WXRError | None = None
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.ordered_attributes = False
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._refuse_doctype
        parser.EntityDeclHandler = self._refuse_entity
        parser.ExternalEntityRefHandler = self._refuse_external
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        self.parser = parser

    def _fail(self, message: str) -> None:
        raise WXRError(message, self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)

    def _refuse_doctype(self, *args) -> None:
        self._fail("A document type declaration is not allowed in a WordPress export")

    def _refuse_entity(self, *args) -> None:
        self._fail("Entity declarations are not allowed in a WordPress export")

    def _refuse_external(self, *args) -> int:
        self._fail("External entities are not allowed in a WordPress export")
        return 0

    def _misshapen(self, message: str) -> None:
        if self.wrong_shape is None:
            self.wrong_shape = WXRError(
                f"Not a WordPress export: {message}",
                self.parser.CurrentLineNumber,
                self.parser.CurrentColumnNumber + 1,
            )
        self.skip_depth = 1

    def _start(self, raw: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.skip_depth or self.wrong_shape:
            self.skip_depth += 1
            return
        name = _qualify(raw)
        if self.depth == 1:
            if name != "rss":
                self._misshapen(f"the root element is <{name}>, not <rss>")
            return
        if self.depth == 2:
            if name != "channel":
                self._misshapen(f"<{name}> where <channel> was expected")
            self.seen_channel = True
            return
        if self.stack:
            if name in _SKIPPED:
                self.skip_depth = 1
                return
            node = _Node(name, attrs)
            self.stack[-1].children.append(node)
            self.stack.append(node)
        elif self.depth == 3 and name in _RECORDS:
            self.stack.append(_Node(name, attrs))
        elif self.depth == 3 and name in _SITE_FIELDS:
            self.site_text = []

    def _end(self, raw: str) -> None:
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if self.stack:
            node = self.stack.pop()
            if not self.stack:
                self.on_record(_convert(node) if self.build else _Summary(node.name, node))
        elif self.site_text is not None:
            setattr(self.site, _SITE_FIELDS[_qualify(raw)], "".join(self.site_text).strip())
            self.site_text = None

    def _text(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.stack:
            self.stack[-1].text.append(data)
        elif self.site_text is not None:
            self.site_text.append(data)

    def feed(self, data: bytes, final: bool = False) -> None:
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as error:
            raise WXRError(
                f"The file is not well-formed XML: {expat.ErrorString(error.code)}",
                error.lineno,
                error.offset + 1,
            ) from None
        if final and self.wrong_shape is not None:
            raise self.wrong_shape
        if final and not self.seen_channel:
            raise WXRError("Not a WordPress export: no <rss><channel> was found")


@dataclass
class _Summary:
    """What the validating pass keeps of a record: its kind, and the node for attachments."""

    name: str
    node: _Node


def _int(text: str) -> int:
    try:
        return int(text.strip() or 0)
    except ValueError:
        return 0


def _opt_int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def _convert(node: _Node) -> Record:
    get = node.child
    if node.name == "wp:author":
        return Author(
            id=_opt_int(get("wp:author_id")),
            login=get("wp:author_login").strip(),
            email=get("wp:author_email").strip(),
            display_name=get("wp:author_display_name"),
            first_name=get("wp:author_first_name"),
            last_name=get("wp:author_last_name"),
        )
    if node.name == "wp:category":
        return Term(
            "category",
            _opt_int(get("wp:term_id")),
            get("wp:category_nicename").strip(),
            get("wp:cat_name"),
            get("wp:category_parent").strip(),
            get("wp:category_description"),
        )
    if node.name == "wp:tag":
        return Term(
            "post_tag",
            _opt_int(get("wp:term_id")),
            get("wp:tag_slug").strip(),
            get("wp:tag_name"),
            "",
            get("wp:tag_description"),
        )
    if node.name == "wp:term":
        return Term(
            get("wp:term_taxonomy").strip(),
            _opt_int(get("wp:term_id")),
            get("wp:term_slug").strip(),
            get("wp:term_name"),
            get("wp:term_parent").strip(),
            get("wp:term_description"),
        )
    return _convert_item(node)


def _convert_item(node: _Node) -> Item:
    item = Item(id=0)
    for child in node.children:
        name, value = child.name, child.value
        match name:
            case "title":
                item.title = value
            case "link":
                item.link = value.strip()
            case "guid":
                item.guid = value.strip()
            case "pubDate":
                item.pub_date = value.strip()
            case "dc:creator":
                item.creator = value.strip()
            case "content:encoded":
                item.content = value
            case "excerpt:encoded":
                item.excerpt = value
            case "wp:post_id":
                item.id = _int(value)
            case "wp:post_date":
                item.post_date = value.strip()
            case "wp:post_date_gmt":
                item.post_date_gmt = value.strip()
            case "wp:post_modified_gmt":
                item.modified_gmt = value.strip()
            case "wp:comment_status":
                item.comment_status = value.strip()
            case "wp:ping_status":
                item.ping_status = value.strip()
            case "wp:post_name":
                item.post_name = value.strip()
            case "wp:status":
                item.status = value.strip()
            case "wp:post_parent":
                item.parent = _int(value)
            case "wp:menu_order":
                item.menu_order = _int(value)
            case "wp:post_type":
                item.post_type = value.strip()
            case "wp:post_password":
                item.password = value
            case "wp:is_sticky":
                item.is_sticky = value.strip() == "1"
            case "wp:attachment_url":
                item.attachment_url = value.strip()
            case "category":
                item.terms.append(
                    ItemTerm(
                        child.attrs.get("domain", "category"),
                        child.attrs.get("nicename", "").strip(),
                        value,
                    )
                )
            case "wp:postmeta":
                key = child.child("wp:meta_key")
                if key:
                    item.meta[key] = child.child("wp:meta_value")
            case "wp:comment":
                item.comments.append(_convert_comment(child))
    return item


def _convert_comment(node: _Node) -> Comment:
    get = node.child
    return Comment(
        id=_int(get("wp:comment_id")),
        author=get("wp:comment_author"),
        author_email=get("wp:comment_author_email").strip(),
        author_url=get("wp:comment_author_url").strip(),
        author_ip=get("wp:comment_author_IP").strip(),
        date=get("wp:comment_date").strip(),
        date_gmt=get("wp:comment_date_gmt").strip(),
        content=get("wp:comment_content"),
        approved=get("wp:comment_approved").strip(),
        type=get("wp:comment_type").strip(),
        parent=_int(get("wp:comment_parent")),
        user_id=_int(get("wp:comment_user_id")),
    )


# -- the one repair: unescaped `]]>` inside CDATA, as old WordPress exporters wrote it -----------

_CDATA_TOKENS = re.compile(rb"<!\[CDATA\[|\]\]>|<!--|-->")
_CLOSERS = (b"</", b"<![CDATA[")
_LOOKAHEAD = 9  # bytes needed after a token to decide what it is


def repair_cdata(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Escape the `]]>` that old exporters left unescaped inside a CDATA section.

    WordPress wrapped each value as `<tag><![CDATA[value]]></tag>` without escaping a `]]>` in
    the value, so `<![CDATA[a <![CDATA[b]]> c]]></tag>` reads as a section ending after "b"
    followed by stray text. Exporters only ever close a section right before the element's end
    tag (or before the next section, the standard `]]]]><![CDATA[>` escape), so inside a section
    any other `]]>` is text: it is rewritten as `]]]]><![CDATA[>` and reads back exactly as the
    author wrote it. Nothing outside CDATA sections is touched.
    """
    inside = False
    in_comment = False
    buffer = b""
    for chunk in [*chunks, None]:
        final = chunk is None
        buffer += chunk or b""
        out: list[bytes] = []
        position = 0
        for match in _CDATA_TOKENS.finditer(buffer, position):
            if not final and match.end() + _LOOKAHEAD > len(buffer):
                break
            token = match.group()
            out.append(buffer[position : match.start()])
            position = match.end()
            if in_comment:
                in_comment = token != b"-->"
            elif not inside:
                in_comment = token == b"<!--"
                inside = token == b"<![CDATA["
            elif token == b"]]>":
                if buffer.startswith(_CLOSERS, position) or (final and position == len(buffer)):
                    inside = False
                else:
                    token = b"]]]]><![CDATA[>"
            out.append(token)
        # Keep back what could be the start of a token still arriving.
        position_end = len(buffer) if final else max(position, len(buffer) - _LOOKAHEAD - 9)
        out.append(buffer[position:position_end])
        buffer = buffer[position_end:]
        yield b"".join(out)


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK_SIZE):
        yield chunk


def _feed(reader: _Reader, path: Path | str, recover: bool) -> Iterator[None]:
    """Feed the file to the reader chunk by chunk, pausing after each one."""
    with open(path, "rb") as handle:
        source = _chunks(handle)
        if recover:
            source = repair_cdata(source)
        for chunk in source:
            reader.feed(chunk)
            yield
        reader.feed(b"", final=True)
        yield


_KINDS = {"item": "item", "wp:author": "author"}


def scan(path: Path | str) -> Scan:
    """Read the whole file once to validate it: raises WXRError, or says how to read it.

    Keeps only counts and the attachments (posts refer to them by id for featured images, and
    they may come after the posts that use them).
    """
    path = Path(path)
    counts: Counter = Counter()
    attachments: dict[int, Item] = {}

    def note(summary: _Summary) -> None:
        kind = _KINDS.get(summary.name, "term")
        counts[kind] += 1
        if kind == "item":
            counts["comment"] += sum(1 for c in summary.node.children if c.name == "wp:comment")
            if summary.node.child("wp:post_type").strip() == "attachment":
                item = _convert_item(summary.node)
                item.comments = []
                attachments[item.id] = item

    def read(recover: bool) -> Site:
        counts.clear()
        attachments.clear()
        reader = _Reader(note, build=False)
        for _ in _feed(reader, path, recover):
            pass
        return reader.site

    try:
        return Scan(read(recover=False), recovered=False, counts=counts, attachments=attachments)
    except WXRError as strict_error:
        try:
            site = read(recover=True)
        except WXRError:
            raise strict_error from None
    return Scan(site, recovered=True, counts=counts, attachments=attachments)


def parse(path: Path | str, recover: bool = False) -> Iterator[Author | Term | Item]:
    """Yield authors, terms and items in file order, one at a time.

    Call `scan` first: it validates the whole file, reads the site information and says whether
    `recover` is needed.
    """
    pending: list = []
    reader = _Reader(pending.append)
    for _ in _feed(reader, path, recover):
        yield from pending
        pending.clear()
