"""The records of a WordPress export (site, authors, terms, items with their comments) and how
one parsed element becomes one of them. Values are kept as the strings the file holds."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field


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


@dataclass
class Node:
    name: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def value(self) -> str:
        return "".join(self.text)

    def child(self, name: str) -> str:
        for node in self.children:
            if node.name == name:
                return node.value
        return ""


def _int(text: str) -> int:
    try:
        return int(text.strip() or 0)
    except ValueError:
        return 0


def _opt_int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def convert(node: Node) -> Record:
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
    return convert_item(node)


# The item's plain fields: element → (attribute, how the text is read).
_ITEM_FIELDS: dict[str, tuple[str, Callable[[str], object]]] = {
    "title": ("title", str),
    "content:encoded": ("content", str),
    "excerpt:encoded": ("excerpt", str),
    "wp:post_password": ("password", str),
    "link": ("link", str.strip),
    "guid": ("guid", str.strip),
    "pubDate": ("pub_date", str.strip),
    "dc:creator": ("creator", str.strip),
    "wp:post_date": ("post_date", str.strip),
    "wp:post_date_gmt": ("post_date_gmt", str.strip),
    "wp:post_modified_gmt": ("modified_gmt", str.strip),
    "wp:comment_status": ("comment_status", str.strip),
    "wp:ping_status": ("ping_status", str.strip),
    "wp:post_name": ("post_name", str.strip),
    "wp:status": ("status", str.strip),
    "wp:post_type": ("post_type", str.strip),
    "wp:attachment_url": ("attachment_url", str.strip),
    "wp:post_id": ("id", _int),
    "wp:post_parent": ("parent", _int),
    "wp:menu_order": ("menu_order", _int),
    "wp:is_sticky": ("is_sticky", lambda value: value.strip() == "1"),
}


def convert_item(node: Node) -> Item:
    item = Item(id=0)
    for child in node.children:
        name, value = child.name, child.value
        if name in _ITEM_FIELDS:
            attribute, read = _ITEM_FIELDS[name]
            setattr(item, attribute, read(value))
        elif name == "category":
            item.terms.append(
                ItemTerm(
                    child.attrs.get("domain", "category"),
                    child.attrs.get("nicename", "").strip(),
                    value,
                )
            )
        elif name == "wp:postmeta":
            key = child.child("wp:meta_key")
            if key:
                item.meta[key] = child.child("wp:meta_value")
        elif name == "wp:comment":
            item.comments.append(_comment(child))
    return item


def _comment(node: Node) -> Comment:
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
