"""Importing a WordPress export (WXR) into the site: the mapping from WordPress to our models.

- Authors become inactive users with unusable passwords (or existing users, via an author map).
  Their key is the login, which is what posts refer to.
- Categories (with parents and descriptions) and tags keep their slugs; other taxonomies are
  skipped. Terms a post uses without declaring them are created from the post.
- Posts and pages keep `wp:post_name` as their slug, so /<slug>/ URLs survive. WordPress stores
  non-ASCII slugs percent-encoded (`%ce%b5…`); browsers show and Django routes them decoded,
  so a slug that is valid percent-encoded UTF-8 is stored decoded (`ε…`), else exactly as it is.
  An empty slug (drafts) is made from the title; a slug another post or page holds, one the site
  reserves, or a four-digit one gets a `-2`, `-3`… suffix, and the summary says so.
- Status: publish → published at the GMT date; future → scheduled at that date; draft,
  pending and private → draft; trash and auto-draft are skipped. A password-protected post is
  imported as a draft (this site has no post passwords). Sticky → featured.
- Content goes through `articles.wpcontent.to_html`. Images under wp-content/uploads/ whose file
  exists under --media-dir are re-encoded (EXIF dropped) into our storage and the body points at
  them; `_thumbnail_id` → the attachment's file → the featured image. Missing files are
  reported, never fatal.
- Comments keep their status (1 → approved, 0 → pending, spam, trash) and threads; those
  written by one of the export's authors are marked as the site's own. Pingbacks and
  trackbacks are skipped; comment meta is never read.
- Old permalinks and `/?p=<id>` keep working through the redirects app (`record_redirects`).

Idempotency: every object made is recorded in `WordPressItem` under (source site, type,
WordPress id) with a digest of what was imported. Importing again updates an object only when
its digest changed, re-creates one that was deleted here, and adds what is new. The whole run is
one transaction: any error rolls everything back, and media files written are removed again.
"""

from __future__ import annotations

import email.utils
import hashlib
import ipaddress
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from comments.models import Comment, CommentStatus
from redirects.models import (
    LegacyPostId,
    Redirect,
    RedirectSource,
    RedirectStatus,
    normalise_path,
)
from search import indexing as search_indexing

from . import wxr
from .images import RENDITION_WIDTHS, ImageRejected, clean_image, store_image
from .models import RESERVED_SLUGS, Category, Page, Post, Tag, WordPressItem, WordPressType
from .wpcontent import to_html

MAPPING_VERSION = 1  # part of every digest: bump it when the mapping changes
KINDS = ("authors", "categories", "tags", "posts", "pages", "comments", "redirects", "media")
_SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
_DRAFT_STATUSES = {"draft", "pending", "private"}
_UPLOADS = re.compile(r"/wp-content/uploads/(?:sites/\d+/)?(.+)$")
_MEDIA_ATTR = re.compile(r'(<(?:img|a)\b[^>]*?\s(?:src|href)=")([^"]+)(")')
_SRCSET = re.compile(r'\s(?:srcset|sizes)="[^"]*"')
_RSS_YEAR = re.compile(r"\s[12][0-9]{3}\s")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)


@dataclass
class Stats:
    """Per kind: created / updated / unchanged / skipped with reasons; plus notes for people."""

    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    notes: list[str] = field(default_factory=list)

    def add(self, kind: str, outcome: str, n: int = 1) -> None:
        tally = self.kinds.setdefault(kind, Tally())
        setattr(tally, outcome, getattr(tally, outcome) + n)

    def skip(self, kind: str, reason: str, n: int = 1) -> None:
        if n:
            self.kinds.setdefault(kind, Tally()).skipped[reason] += n

    def note(self, text: str) -> None:
        self.notes.append(text)

    @property
    def changed(self) -> bool:
        return any(t.created or t.updated for t in self.kinds.values())

    def table(self) -> str:
        rows = [("kind", "created", "updated", "unchanged", "skipped")]
        for kind, t in self.kinds.items():
            skipped = sum(t.skipped.values())
            if t.created or t.updated or t.unchanged or skipped:
                rows.append((kind, *(str(n) for n in (t.created, t.updated, t.unchanged, skipped))))
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                           enumerate(zip(row, widths, strict=True))) for row in rows]  # fmt: skip
        lines.insert(1, "  ".join("-" * w for w in widths))
        reasons = [
            f"  {kind}: {n} skipped, {reason}"
            for kind, t in self.kinds.items()
            for reason, n in sorted(t.skipped.items())
        ]
        if reasons:
            lines += ["", "Skipped:", *reasons]
        if self.notes:
            shown = self.notes[:25]
            lines += ["", "Notes:", *(f"  {n}" for n in shown)]
            if len(self.notes) > len(shown):
                lines.append(f"  … and {len(self.notes) - len(shown)} more")
        return "\n".join(lines)


def decode_slug(raw: str) -> str:
    """WordPress's percent-encoded UTF-8 slugs decoded; anything else kept exactly."""
    if not _PERCENT.search(raw):
        return raw
    try:
        return unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return raw


def parse_gmt(value: str) -> datetime | None:
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def item_date(item: wxr.Item) -> datetime | None:
    """The GMT date of an item; else its RSS pubDate; else its local date read as UTC."""
    found = parse_gmt(item.post_date_gmt)
    # Drafts carry a "-0001" year, which the RFC 2822 parser would read as 2000 or 2001.
    if found is None and _RSS_YEAR.search(item.pub_date):
        try:
            found = email.utils.parsedate_to_datetime(item.pub_date)
        except (TypeError, ValueError):
            found = None
        if found is not None and found.year < 1971:
            found = None
    return found or parse_gmt(item.post_date)


def _digest(*parts: object) -> str:
    payload = json.dumps([MAPPING_VERSION, *parts], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def _ip_or_none(value: str) -> str | None:
    """WordPress keeps whatever the server saw; only a real address goes into an IP field."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


class ImportRefused(Exception):
    """The import cannot start (for example an author map naming an unknown user)."""


COMMENT_STATUS = {
    "1": CommentStatus.APPROVED,
    "0": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.TRASH,
}


@dataclass(slots=True)
class _Entry:
    """What the importer keeps of a `WordPressItem` row: small, as there is one per object."""

    object_id: int | None
    digest: str
    stored_name: str
    pk: int | None = None
    row: WordPressItem | None = None  # the row still to be inserted


class Importer:
    def __init__(
        self,
        path: Path,
        *,
        media_dir: Path | None = None,
        author_map: dict[str, str] | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.media_dir = Path(media_dir) if media_dir else None
        self.author_map = author_map or {}
        self.dry_run = dry_run
        self.progress = progress
        self.stats = Stats()
        self.written: list[str] = []

    # -- the run --------------------------------------------------------------------------------

    def run(self) -> Stats:
        scan = wxr.scan(self.path)  # raises WXRError before anything is written
        self.scan = scan
        self.site = scan.site.key
        if scan.recovered:
            self.stats.note("Recovered CDATA sections with an unescaped ']]>' (old exporter).")
        User = get_user_model()
        self.mapped_users = {}
        for login, username in self.author_map.items():
            try:
                self.mapped_users[login] = User.objects.get(username=username)
            except User.DoesNotExist:
                raise ImportRefused(
                    f"The author map names a user that does not exist: {username!r}"
                ) from None
        try:
            with transaction.atomic():
                # Search text is written once per post at the end, in the same transaction.
                with search_indexing.deferred():
                    self._import(scan)
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            self._remove_written_files()
            raise
        return self.stats

    def _import(self, scan: wxr.Scan) -> None:
        self.ledger: dict[tuple[str, str], _Entry] = {
            (wp_type, wp_id): _Entry(object_id, digest, stored_name, pk)
            for wp_type, wp_id, object_id, digest, stored_name, pk in WordPressItem.objects.filter(
                source_site=self.site
            ).values_list("wp_type", "wp_id", "object_id", "digest", "stored_name", "pk")
        }
        self.new_entries: list[_Entry] = []
        self.changed_entries: dict[int, _Entry] = {}
        self.comment_buffer: list[tuple[Post, Comment, wxr.Comment, str]] = []
        self.comment_known: dict[int, Comment | None] = {}
        self.load_redirects()
        self.legacy_ids = {
            wp_id: (post_id, guid, site)
            for wp_id, post_id, guid, site in LegacyPostId.objects.values_list(
                "wp_id", "post_id", "guid", "source_site"
            )
        }
        self.redirect_buffer: list[Redirect] = []
        self.legacy_buffer: list[LegacyPostId] = []
        self.users: dict[str, models.Model] = {}
        self.users_by_wp_id: dict[int, models.Model] = {}
        self.categories: dict[str, Category] = {}
        self.tags: dict[str, Tag] = {}
        self.parents: dict[str, str] = {}
        self.taken = set(Post.objects.values_list("slug", flat=True)) | set(
            Page.objects.values_list("slug", flat=True)
        )
        self.files: dict[str, str | None] = {}
        total, last = scan.total, 0.0
        for done, record in enumerate(wxr.parse(self.path, recover=scan.recovered), start=1):
            if isinstance(record, wxr.Author):
                self._author(record)
            elif isinstance(record, wxr.Term):
                self._term(record)
            else:
                self._item(record)
            if self.progress and (time.monotonic() - last > 0.2 or done == total):
                last = time.monotonic()
                self.progress(done, total)
            if len(self.comment_buffer) >= 1000:
                flush_comments(self)
            if len(self.new_entries) + len(self.changed_entries) >= 500:
                self._flush_ledger()
                flush_redirects(self)
        flush_comments(self)
        flush_redirects(self)
        self._link_parents()
        self._flush_ledger()

    def load_redirects(self) -> None:
        """Every redirect, as (new path, status) by old path: new ones are checked in memory."""
        self.redirects = {
            old: (new, status)
            for old, new, status in Redirect.objects.values_list("old_path", "new_path", "status")
        }
        self.redirect_targets = {new for new, _ in self.redirects.values()}

    def _flush_ledger(self) -> None:
        WordPressItem.objects.bulk_create([e.row for e in self.new_entries], batch_size=500)
        for entry in self.new_entries:
            entry.pk, entry.row = entry.row.pk, None
        now = timezone.now()
        changed = [
            WordPressItem(pk=e.pk, object_id=e.object_id, digest=e.digest,
                          stored_name=e.stored_name, updated_at=now)
            for e in self.changed_entries.values()
        ]  # fmt: skip
        WordPressItem.objects.bulk_update(
            changed, ["object_id", "stored_name", "digest", "updated_at"], batch_size=500
        )
        self.new_entries, self.changed_entries = [], {}

    def _remember(self, wp_type: str, wp_id: str, obj_id: int | None, digest: str = "",
                  stored_name: str = "") -> None:  # fmt: skip
        entry = self.ledger.get((wp_type, wp_id))
        if entry is None:
            row = WordPressItem(
                source_site=self.site, wp_type=wp_type, wp_id=wp_id,
                object_id=obj_id, digest=digest, stored_name=stored_name,
            )  # fmt: skip
            entry = self.ledger[(wp_type, wp_id)] = _Entry(obj_id, digest, stored_name, row=row)
            self.new_entries.append(entry)
            return
        if (entry.object_id, entry.digest, entry.stored_name) == (obj_id, digest, stored_name):
            return
        entry.object_id, entry.digest, entry.stored_name = obj_id, digest, stored_name
        if entry.row is not None:  # not written yet
            entry.row.object_id, entry.row.digest, entry.row.stored_name = (
                obj_id,
                digest,
                stored_name,
            )
        else:
            self.changed_entries[entry.pk] = entry

    def _known(
        self, model: type[models.Model], wp_type: str, wp_id: str
    ) -> tuple[_Entry | None, models.Model | None]:
        """(ledger row, the object it points at or None)."""
        row = self.ledger.get((wp_type, wp_id))
        if row is None or row.object_id is None:
            return row, None
        return row, model._default_manager.filter(pk=row.object_id).first()

    # -- authors --------------------------------------------------------------------------------

    def _author(self, author: wxr.Author) -> models.Model:
        login = author.login or "wordpress"
        if login in self.users:
            return self.users[login]
        if login in self.mapped_users:
            user = self.mapped_users[login]
            self.stats.skip("authors", "mapped to an existing user")
            self.users[login] = user
            if author.id:
                self.users_by_wp_id[author.id] = user
            return user
        User = get_user_model()
        digest = _digest(author.email, author.first_name, author.last_name)
        row, user = self._known(User, WordPressType.AUTHOR, login)
        if user is not None and row.digest == digest:
            self.stats.add("authors", "unchanged")
        elif user is not None:
            user.email = author.email[:254]
            user.first_name, user.last_name = author.first_name[:150], author.last_name[:150]
            user.save(update_fields=["email", "first_name", "last_name"])
            self.stats.add("authors", "updated")
        else:
            username = self._free_username(login)
            user = User(
                username=username,
                email=author.email[:254],
                is_active=False,
                first_name=author.first_name[:150],
                last_name=author.last_name[:150],
            )
            user.set_unusable_password()
            user.save()
            if username != login:
                self.stats.note(f"Author {login!r} became user {username!r} (name taken).")
            self.stats.add("authors", "created")
        self._remember(WordPressType.AUTHOR, login, user.pk, digest)
        self.users[login] = user
        if author.id:
            self.users_by_wp_id[author.id] = user
        return user

    def _free_username(self, login: str) -> str:
        User = get_user_model()
        base = login[:140]
        candidate, n = base, 2
        while User.objects.filter(username=candidate).exists():
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _user_for(self, login: str) -> models.Model:
        if login in self.users:
            return self.users[login]
        return self._author(wxr.Author(id=None, login=login))

    # -- categories and tags ----------------------------------------------------------------------

    def _term(self, term: wxr.Term) -> None:
        if term.taxonomy == "category":
            self._category(term.slug, term.name, term.description, term.parent_slug, declared=True)
        elif term.taxonomy == "post_tag":
            self._tag(term.slug, term.name, term.description, declared=True)
        else:
            self.stats.skip("terms", f"taxonomy {term.taxonomy!r} not supported")

    def _category(self, raw_slug: str, name: str, description: str = "", parent: str = "",
                  declared: bool = False) -> Category:  # fmt: skip
        slug = (decode_slug(raw_slug) or slugify(name, allow_unicode=True) or "category")[:100]
        if slug in self.categories and not declared:
            return self.categories[slug]
        digest = _digest(name, description, parent) if declared else ""
        row, category = self._known(Category, WordPressType.CATEGORY, slug)
        if category is None:
            category = Category.objects.filter(slug=slug).first()
        if category is not None and (not declared or (row is not None and row.digest == digest)):
            if slug not in self.categories:
                self.stats.add("categories", "unchanged")
        elif category is not None:
            category.name, category.description = name[:100], description
            category.save()
            self.stats.add("categories", "updated")
        else:
            category = Category.objects.create(slug=slug, name=name[:100], description=description)
            self.stats.add("categories", "created")
        if row is None or declared:
            self._remember(WordPressType.CATEGORY, slug, category.pk, digest)
        if parent:
            self.parents[slug] = decode_slug(parent)[:100]
        self.categories[slug] = category
        return category

    def _link_parents(self) -> None:
        for slug, parent_slug in self.parents.items():
            category = self.categories[slug]
            parent = (
                self.categories.get(parent_slug)
                or Category.objects.filter(slug=parent_slug).first()
            )
            if parent is None:
                self.stats.note(f"Category {slug!r}: parent {parent_slug!r} is not in the file.")
            elif category.pk in {parent.pk, *(c.pk for c in parent.ancestors())}:
                self.stats.note(f"Category {slug!r}: parent {parent_slug!r} would make a loop.")
            elif category.parent_id != parent.pk:
                category.parent = parent
                category.save(update_fields=["parent"])

    def _tag(self, raw_slug: str, name: str, description: str = "", declared: bool = False) -> Tag:
        slug = (decode_slug(raw_slug) or slugify(name, allow_unicode=True) or "tag")[:100]
        if slug in self.tags and not declared:
            return self.tags[slug]
        digest = _digest(name) if declared else ""
        row, tag = self._known(Tag, WordPressType.TAG, slug)
        if tag is None:
            tag = Tag.objects.filter(slug=slug).first()
        if tag is not None and (not declared or (row is not None and row.digest == digest)):
            if slug not in self.tags:
                self.stats.add("tags", "unchanged")
        elif tag is not None:
            tag.name = self._tag_name(name[:100], slug, tag)
            tag.save()
            self.stats.add("tags", "updated")
        else:
            tag = Tag.objects.create(slug=slug, name=self._tag_name(name[:100], slug, None))
            self.stats.add("tags", "created")
        if row is None or declared:
            self._remember(WordPressType.TAG, slug, tag.pk, digest)
        self.tags[slug] = tag
        return tag

    def _tag_name(self, name: str, slug: str, tag: Tag | None) -> str:
        clash = Tag.objects.filter(name=name).exclude(pk=tag.pk if tag else None).exists()
        if clash:
            self.stats.note(f"Tag {slug!r}: name {name!r} is taken, named {name} ({slug}).")
            return f"{name} ({slug})"[:100]
        return name

    # -- posts and pages --------------------------------------------------------------------------

    def _item(self, item: wxr.Item) -> None:
        kind = {"post": "posts", "page": "pages"}.get(item.post_type)
        if kind is None:
            label = {"attachment": "attachments", "nav_menu_item": "menu items"}.get(
                item.post_type, "other items"
            )
            self.stats.skip(label, f"post type {item.post_type!r} is not imported")
            self._skip_comments(item)
            return
        if item.status in _SKIPPED_STATUSES or not item.status:
            self.stats.skip(kind, f"status {item.status or 'missing'!r}")
            self._skip_comments(item)
            return
        obj = self._post(item) if kind == "posts" else self._page(item)
        if kind == "posts":
            import_comments(obj, item.comments, self)
        else:
            self.stats.skip(
                "comments", "on a page (comments belong to posts here)", len(item.comments)
            )
        record_redirects(obj, item, self)

    def _skip_comments(self, item: wxr.Item) -> None:
        self.stats.skip("comments", "their post or page is not imported", len(item.comments))

    def _published_at(self, item: wxr.Item, kind: str) -> datetime | None:
        if item.status in _DRAFT_STATUSES:
            return None
        if item.password:
            self.stats.note(f"{kind} {item.id} is password-protected: imported as a draft.")
            return None
        return item_date(item)

    def _slug(self, item: wxr.Item, current: str | None) -> str:
        base = decode_slug(item.post_name) or slugify(item.title, allow_unicode=True)
        base = base[:200] or f"{item.post_type}-{item.id}"
        candidate, n = base, 2
        while candidate != current and (
            candidate in self.taken
            or candidate in RESERVED_SLUGS
            or (candidate.isdigit() and len(candidate) == 4)
        ):
            suffix = f"-{n}"
            candidate, n = base[: 200 - len(suffix)] + suffix, n + 1
        if item.post_name and candidate != decode_slug(item.post_name):
            self.stats.note(
                f"{item.post_type} {item.id}: slug {decode_slug(item.post_name)!r} is taken "
                f"or reserved here, imported as {candidate!r}."
            )
        return candidate

    def _post(self, item: wxr.Item) -> Post:
        thumbnail = self._thumbnail(item)
        terms = sorted((t.domain, t.slug, t.name) for t in item.terms)
        digest = _digest(item.title, item.post_name, item.content, item.excerpt, item.status,
                         item.post_date_gmt, item.pub_date, item.is_sticky, item.comment_status,
                         bool(item.password), item.creator, terms, thumbnail)  # fmt: skip
        row, post = self._known(Post, WordPressType.POST, str(item.id))
        if post is not None and row.digest == digest:
            self.stats.add("posts", "unchanged")
            return post
        outcome = "updated" if post is not None else "created"
        post = post or Post()
        if len(item.title) > 200:
            self.stats.note(f"post {item.id}: title cut to 200 characters.")
        post.title = item.title[:200]
        post.slug = self._slug(item, post.slug if post.pk else None)
        post.excerpt = item.excerpt
        post.body = self._rewrite_media(to_html(item.content))
        post.author = self._user_for(item.creator)
        post.published_at = self._published_at(item, "post")
        post.is_featured = item.is_sticky
        post.comments_open = item.comment_status == "open"
        if thumbnail and not self.dry_run:
            stored, alt = thumbnail
            if post.featured_image.name != stored:
                post.featured_image = stored
            post.featured_image_alt = alt[:250]
        post.save()
        self.taken.add(post.slug)
        categories = [self._category(t.slug, t.name) for t in item.terms if t.domain == "category"]
        tags = [self._tag(t.slug, t.name) for t in item.terms if t.domain == "post_tag"]
        if outcome == "created":
            post.categories.add(*categories)
            post.tags.add(*tags)
        else:
            post.categories.set(categories)
            post.tags.set(tags)
        self._remember(WordPressType.POST, str(item.id), post.pk, digest)
        self.stats.add("posts", outcome)
        return post

    def _page(self, item: wxr.Item) -> Page:
        digest = _digest(item.title, item.post_name, item.content, item.status,
                         item.post_date_gmt, item.pub_date, bool(item.password))  # fmt: skip
        row, page = self._known(Page, WordPressType.PAGE, str(item.id))
        if page is not None and row.digest == digest:
            self.stats.add("pages", "unchanged")
            return page
        outcome = "updated" if page is not None else "created"
        page = page or Page()
        page.title = item.title[:200]
        page.slug = self._slug(item, page.slug if page.pk else None)
        page.body = self._rewrite_media(to_html(item.content))
        page.published_at = self._published_at(item, "page")
        page.save()
        self.taken.add(page.slug)
        self._remember(WordPressType.PAGE, str(item.id), page.pk, digest)
        self.stats.add("pages", outcome)
        return page

    # -- media ----------------------------------------------------------------------------------

    def _thumbnail(self, item: wxr.Item) -> tuple[str, str] | None:
        """(stored file name, alt text) of the post's featured image, when it can be had."""
        raw = item.meta.get("_thumbnail_id", "").strip()
        if not raw.isdigit():
            return None
        attachment = self.scan.attachments.get(int(raw))
        if attachment is None:
            self.stats.note(f"post {item.id}: featured image {raw} is not in the file.")
            return None
        relative = attachment.meta.get("_wp_attached_file", "").strip()
        if not relative:
            found = _UPLOADS.search(urlsplit(attachment.attachment_url).path)
            relative = unquote(found.group(1)) if found else ""
        stored = self._import_file(relative) if relative else None
        if stored is None:
            return None
        alt = attachment.meta.get("_wp_attachment_image_alt") or attachment.title or item.title
        return stored, alt

    def _import_file(self, relative: str) -> str | None:
        """Our storage name for a file under wp-content/uploads/, importing it the first time."""
        if relative in self.files:
            return self.files[relative]
        self.files[relative] = None
        if self.media_dir is None:
            self.stats.skip("media", "no --media-dir given")
            return None
        row = self.ledger.get((WordPressType.FILE, relative))
        if row is not None and row.stored_name and default_storage.exists(row.stored_name):
            self.stats.add("media", "unchanged")
            self.files[relative] = row.stored_name
            return row.stored_name
        source = (self.media_dir / relative).resolve()
        if self.media_dir.resolve() not in source.parents or not source.is_file():
            self.stats.skip("media", "file missing under --media-dir")
            self.stats.note(f"Missing media file: {relative}")
            return None
        try:
            clean = clean_image(source.read_bytes())
        except ImageRejected as error:
            self.stats.skip("media", "not an image this site accepts")
            self.stats.note(f"Media file {relative}: {error}")
            return None
        if self.dry_run:
            name = f"uploads/{PurePosixPath(relative).name}"
        else:
            name = store_image(clean, "uploads")
            self.written.append(name)
        self._remember(WordPressType.FILE, relative, None, stored_name=name)
        self.stats.add("media", "created")
        self.files[relative] = name
        return name

    def _rewrite_media(self, body: str) -> str:
        """Point images and links under wp-content/uploads/ at the imported copies."""
        if "/wp-content/uploads/" not in body:
            return body

        def swap(match: re.Match) -> str:
            url = match.group(2).replace("&amp;", "&")
            found = _UPLOADS.search(urlsplit(url).path)
            stored = self._import_file(unquote(found.group(1))) if found else None
            if stored is None:
                return match.group()
            return f"{match.group(1)}{default_storage.url(stored)}{match.group(3)}"

        body = _MEDIA_ATTR.sub(swap, body)
        media_url = default_storage.url("uploads/")
        return re.sub(
            r"<img\b[^>]*>",
            lambda m: _SRCSET.sub("", m.group()) if media_url in m.group() else m.group(),
            body,
        )

    def _remove_written_files(self) -> None:
        for name in self.written:
            stem = PurePosixPath(name)
            for width in RENDITION_WIDTHS:
                rendition = f"renditions/{stem.parent}/{stem.stem}-{width}.webp"
                if default_storage.exists(rendition):
                    default_storage.delete(rendition)
            if default_storage.exists(name):
                default_storage.delete(name)


# -- comments and redirects: the two places that use other apps' models --------------------------


def import_comments(post: Post, wp_comments: list[wxr.Comment], importer: Importer) -> None:
    """Import a post's comments with their threads, statuses, dates and addresses.

    `comment_approved` 1 → approved, 0 → pending, spam → spam, anything else (trash,
    post-trashed) → trash. A comment by one of the export's authors (`comment_user_id`) is
    linked to that user and shown as the site's own. Emails and IPs are kept for moderation
    only; the comments app never shows them publicly.

    New comments wait in a buffer and are inserted together by `flush_comments`; a changed
    comment from an earlier import is saved on its own.
    """
    stats = importer.stats
    known = importer.comment_known
    for comment in wp_comments:
        if comment.type in ("pingback", "trackback"):
            stats.skip("comments", comment.type)
            continue
        status = COMMENT_STATUS.get(comment.approved, CommentStatus.TRASH)
        digest = _digest(comment.author, comment.author_email, comment.author_url,
                         comment.content, status, comment.date_gmt, comment.parent,
                         comment.user_id, comment.author_ip)  # fmt: skip
        row, obj = importer._known(Comment, WordPressType.COMMENT, str(comment.id))
        if obj is not None and row.digest == digest:
            stats.add("comments", "unchanged")
            known[comment.id] = obj
            continue
        if obj is None:
            obj = Comment(post=post, import_key=f"wxr:{comment.id}")
            _fill_comment(obj, comment, status, importer)
            importer.comment_buffer.append((post, obj, comment, digest))
            known[comment.id] = obj
            continue
        _fill_comment(obj, comment, status, importer)
        parent = _comment_parent(comment, known, importer)
        if parent is not None and parent.pk is None:  # a new parent still in the buffer
            flush_comments(importer)
            parent = _comment_parent(comment, known, importer)
        obj.parent = parent
        obj.save()
        known[comment.id] = obj
        importer._remember(WordPressType.COMMENT, str(comment.id), obj.pk, digest)
        stats.add("comments", "updated")


def flush_comments(importer: Importer) -> None:
    """Insert the buffered new comments, one thread level at a time (a reply needs its
    parent's id), doing what `Comment.save` does: the depth is set here, and each post whose
    public discussion changed is marked as changed once."""
    known = importer.comment_known
    waiting = importer.comment_buffer
    while waiting:
        ready, later = [], []
        for entry in waiting:
            _, obj, comment, _ = entry
            parent = _comment_parent(comment, known, importer)
            if parent is not None and parent.pk is None:
                later.append(entry)
                continue
            obj.parent, obj.depth = parent, (parent.depth + 1 if parent else 1)
            ready.append(entry)
        if not ready:  # replies whose parents never arrive (a loop in the file): roots
            ready, later = later, []
            for _, obj, _, _ in ready:
                obj.parent, obj.depth = None, 1
        Comment.objects.bulk_create([obj for _, obj, _, _ in ready], batch_size=500)
        for _, obj, comment, digest in ready:
            importer._remember(WordPressType.COMMENT, str(comment.id), obj.pk, digest)
        importer.stats.add("comments", "created", len(ready))
        waiting = later
    changed = {post.pk: post for post, obj, _, _ in importer.comment_buffer
               if obj.status == CommentStatus.APPROVED}  # fmt: skip
    for post in changed.values():
        post.touch()
    importer.comment_buffer = []
    known.clear()


def _fill_comment(obj: Comment, comment: wxr.Comment, status: str, importer: Importer) -> None:
    obj.author_name = comment.author[:100]
    obj.author_email = comment.author_email[:254]
    obj.author_url = comment.author_url[:200]
    obj.body = comment.content
    obj.status = status
    obj.status_reason = "imported from WordPress"
    obj.ip_address = _ip_or_none(comment.author_ip)
    obj.user = importer.users_by_wp_id.get(comment.user_id) if comment.user_id else None
    obj.is_by_staff = obj.user is not None
    obj.created_at = parse_gmt(comment.date_gmt) or parse_gmt(comment.date) or obj.created_at


def _comment_parent(
    comment: wxr.Comment, known: dict[int, Comment | None], importer: Importer
) -> Comment | None:
    """The parent from this file, else from an earlier import; None (a root) when missing."""
    if not comment.parent:
        return None
    if comment.parent not in known:
        _, parent = importer._known(Comment, WordPressType.COMMENT, str(comment.parent))
        if parent is None:
            importer.stats.note(f"Comment {comment.id}: its parent {comment.parent} is missing.")
        known[comment.parent] = parent
    return known[comment.parent]


def record_redirects(obj: Post | Page, item: wxr.Item, importer: Importer) -> None:
    """Old addresses keep working: 301 from the old permalink and from `/?p=<id>`.

    A post's WordPress id goes into `LegacyPostId` (with its guid, which feeds keep using);
    the old permalink path (and for a page `/?p=<id>` and `/?page_id=<id>`) into `Redirect`.
    A new address that touches no existing redirect is inserted with the others in one go;
    anything else goes through `record_move`, which keeps chains to one hop and makes no loop.
    Existing identical entries are left alone, so importing again changes nothing.
    """
    stats, known = importer.stats, importer.redirects
    new_path = normalise_path(obj.get_absolute_url())
    old_paths: list[str] = []
    if item.link:
        old = normalise_path(urlsplit(item.link)._replace(scheme="", netloc="").geturl())
        if old != new_path and not (isinstance(obj, Post) and old == f"/?p={item.id}"):
            old_paths.append(old)
    if isinstance(obj, Page):
        old_paths += [p for p in (f"/?p={item.id}", f"/?page_id={item.id}") if p not in old_paths]
    for old in old_paths:
        if len(old) > Redirect._meta.get_field("old_path").max_length:
            stats.skip("redirects", "old address too long")
            continue
        current = known.get(old)
        if current == (new_path, RedirectStatus.MOVED):
            stats.add("redirects", "unchanged")
            continue
        if current is None and old not in importer.redirect_targets and new_path not in known:
            importer.redirect_buffer.append(
                Redirect(old_path=old, new_path=new_path, source=RedirectSource.IMPORT)
            )
            known[old] = (new_path, RedirectStatus.MOVED)
            importer.redirect_targets.add(new_path)
        else:
            flush_redirects(importer)
            Redirect.objects.record_move(old, new_path, source=RedirectSource.IMPORT)
            importer.load_redirects()
        stats.add("redirects", "created" if current is None else "updated")
    if isinstance(obj, Post) and item.id:
        guid = item.guid[:500]
        current = importer.legacy_ids.get(item.id)
        if current is None:
            importer.legacy_buffer.append(
                LegacyPostId(post=obj, wp_id=item.id, source_site=importer.site[:200], guid=guid)
            )
            stats.add("redirects", "created")
        elif current[:2] == (obj.pk, guid):
            stats.add("redirects", "unchanged")
        else:
            if current[2] and current[2] != importer.site:
                stats.note(f"/?p={item.id} pointed at a post from {current[2]}; now here.")
            flush_redirects(importer)
            LegacyPostId.objects.filter(wp_id=item.id).update(
                post=obj, source_site=importer.site[:200], guid=guid
            )
            stats.add("redirects", "updated")
        importer.legacy_ids[item.id] = (obj.pk, guid, importer.site)


def flush_redirects(importer: Importer) -> None:
    Redirect.objects.bulk_create(importer.redirect_buffer, batch_size=500)
    LegacyPostId.objects.bulk_create(importer.legacy_buffer, batch_size=500)
    importer.redirect_buffer, importer.legacy_buffer = [], []
