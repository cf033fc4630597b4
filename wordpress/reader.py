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

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from django.conf import settings

from .records import Author, Item, Node, Scan, Site, Term, WXRError, convert, convert_item

CHUNK_SIZE = 64 * 1024

# Namespace URIs are matched loosely: exporters wrote http:// and https://, 1.0, 1.1 and 1.2.
_WP_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-9]+/$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-9]+/excerpt/$")
_KNOWN_NS = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}


# -- the streaming reader ----------------------------------------------------------------------


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
        self.stack: list[Node] = []
        self.skip_depth = 0
        self.site_text: list[str] | None = None
        self.seen_channel = False
        # One record is held in memory until it ends: past this size the file is refused.
        self.max_record = settings.WXR_MAX_RECORD_BYTES
        self.record_size = 0
        self.record_line = 0
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
            node = Node(name, attrs)
            self.stack[-1].children.append(node)
            self.stack.append(node)
        elif self.depth == 3 and name in _RECORDS:
            self.stack.append(Node(name, attrs))
            self.record_size, self.record_line = 0, self.parser.CurrentLineNumber
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
                self.on_record(convert(node) if self.build else _Summary(node.name, node))
        elif self.site_text is not None:
            setattr(self.site, _SITE_FIELDS[_qualify(raw)], "".join(self.site_text).strip())
            self.site_text = None

    def _text(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.stack:
            self.record_size += len(data.encode())
            if self.record_size > self.max_record:
                self._fail(
                    f"The <{self.stack[0].name}> starting at line {self.record_line} is larger "
                    f"than {self.max_record} bytes, the most one record may hold "
                    "(WXR_MAX_RECORD_BYTES)"
                )
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
    node: Node


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
                item = convert_item(summary.node)
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
