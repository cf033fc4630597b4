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
- Statuses and dates map as `mapping.py` says (publish → published, future → scheduled, draft,
  pending, private and password-protected → draft). Sticky → featured.
- Content goes through `content.to_html`. Images under wp-content/uploads/ whose file
  exists under --media-dir are re-encoded (EXIF dropped) into our storage and the body points at
  them; `_thumbnail_id` → the attachment's file → the featured image. Missing files are
  reported, never fatal.
- Comments keep their status and threads (`discussion.py`); those
  written by one of the export's authors are marked as the site's own. Pingbacks and
  trackbacks are skipped; comment meta is never read.
- Old permalinks and `/?p=<id>` keep working through the redirects app and
  `LegacyPostId` (`addresses.record_redirects`).

Idempotency: every object made is recorded in `WordPressItem` under (source site, type,
WordPress id) with a digest of what was imported. Importing again updates an object only when
its digest changed, re-creates one that was deleted here, and adds what is new. The whole run is
one transaction: any error rolls everything back, and media files written are removed again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import reversion
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import RESERVED_SLUGS, Category, Page, Post, Tag
from search import indexing as search_indexing

from . import addresses, bases, discussion, media, own_data, reader, records, seo_plugins, terms
from .content import to_html
from .mapping import (
    DRAFT_STATUSES,
    clipped,
    decode_slug,
    digest,
    is_imported,
    is_slug,
    published_at,
)
from .models import WordPressItem, WordPressType
from .summary import Stats


class ImportRefused(Exception):
    """The import cannot start (for example an author map naming an unknown user)."""


@dataclass(slots=True)
class _Entry:
    """What the importer keeps of a `WordPressItem` row: small, as there is one per object."""

    object_id: int | None
    digest: str
    stored_name: str
    pk: int | None = None
    row: WordPressItem | None = None  # the row still to be inserted


class Ledger:
    """The `WordPressItem` rows of one source site, in memory; changes are written in batches."""

    def __init__(self, site: str) -> None:
        self.site = site
        self.entries: dict[tuple[str, str], _Entry] = {
            (wp_type, wp_id): _Entry(object_id, digest, stored_name, pk)
            for wp_type, wp_id, object_id, digest, stored_name, pk in WordPressItem.objects.filter(
                source_site=site
            ).values_list("wp_type", "wp_id", "object_id", "digest", "stored_name", "pk")
        }
        self.new: list[_Entry] = []
        self.changed: dict[int, _Entry] = {}

    @property
    def unwritten(self) -> int:
        return len(self.new) + len(self.changed)

    def get(self, wp_type: str, wp_id: str) -> _Entry | None:
        return self.entries.get((wp_type, wp_id))

    def known(
        self, model: type[models.Model], wp_type: str, wp_id: str
    ) -> tuple[_Entry | None, models.Model | None]:
        """(ledger row, the object it points at or None)."""
        row = self.entries.get((wp_type, wp_id))
        if row is None or row.object_id is None:
            return row, None
        return row, model._default_manager.filter(pk=row.object_id).first()

    def remember(self, wp_type: str, wp_id: str, obj_id: int | None, digest: str = "",
                 stored_name: str = "") -> None:  # fmt: skip
        entry = self.entries.get((wp_type, wp_id))
        if entry is None:
            row = WordPressItem(
                source_site=self.site, wp_type=wp_type, wp_id=wp_id,
                object_id=obj_id, digest=digest, stored_name=stored_name,
            )  # fmt: skip
            entry = self.entries[(wp_type, wp_id)] = _Entry(obj_id, digest, stored_name, row=row)
            self.new.append(entry)
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
            self.changed[entry.pk] = entry

    def flush(self) -> None:
        WordPressItem.objects.bulk_create([e.row for e in self.new], batch_size=500)
        for entry in self.new:
            entry.pk, entry.row = entry.row.pk, None
        now = timezone.now()
        changed = [
            WordPressItem(pk=e.pk, object_id=e.object_id, digest=e.digest,
                          stored_name=e.stored_name, updated_at=now)
            for e in self.changed.values()
        ]  # fmt: skip
        WordPressItem.objects.bulk_update(
            changed, ["object_id", "stored_name", "digest", "updated_at"], batch_size=500
        )
        self.new, self.changed = [], {}


class Importer:
    def __init__(
        self,
        path: Path,
        *,
        media_dir: Path | None = None,
        author_map: dict[str, str] | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
        bases: dict[str, str] | None = None,
    ) -> None:
        self.path = Path(path)
        self.media_dir = Path(media_dir) if media_dir else None
        self.author_map = author_map or {}
        self.dry_run = dry_run
        self.progress = progress
        self.bases = {kind: base.strip("/") for kind, base in (bases or {}).items() if base}
        self.stats = Stats()
        self.written: list[str] = []

    # -- the run --------------------------------------------------------------------------------

    def run(self) -> Stats:
        scan = reader.scan(self.path)  # raises WXRError before anything is written
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
                with search_indexing.deferred(), reversion.create_revision():
                    # Every post and page written is a version, kept beside the editors' own.
                    reversion.set_comment("imported")
                    self._import(scan)
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            media.remove_files(self.written)
            raise
        return self.stats

    def _import(self, scan: records.Scan) -> None:
        self.ledger = Ledger(self.site)
        self.comment_buffer: list[tuple[Post, discussion.Comment, records.Comment, str]] = []
        self.comment_known: dict[int, discussion.Comment | None] = {}
        addresses.load(self)
        self.users: dict[str, models.Model] = {}
        self.users_by_wp_id: dict[int, models.Model] = {}
        self.categories: dict[str, Category] = {}
        self.tags: dict[str, Tag] = {}
        self.parents: dict[str, str] = {}
        self.taken = set(Post.objects.values_list("slug", flat=True)) | set(
            Page.objects.values_list("slug", flat=True)
        )
        self.files: dict[str, str | None] = {}
        self.links = bases.Links(scan.site)
        self.category_ids: dict[int, str] = {}
        self.author_names: dict[str, str] = {}
        self.seo_fields: dict[str, int] = {}
        self.related_procedures: dict[int, list[str]] = {}
        total, last = scan.total, 0.0
        for done, record in enumerate(reader.parse(self.path, recover=scan.recovered), start=1):
            if isinstance(record, records.Author):
                self.author_names[record.login] = record.display_name or record.login
                terms.author(self, record)
            elif isinstance(record, records.Term):
                seo_plugins.remember_term(self, record)
                terms.term(self, record)
            else:
                self._item(record)
            if self.progress and (time.monotonic() - last > 0.2 or done == total):
                last = time.monotonic()
                self.progress(done, total)
            if len(self.comment_buffer) >= 1000:
                discussion.flush_comments(self)
            if self.ledger.unwritten >= 500:
                self.ledger.flush()
                addresses.flush_redirects(self)
        discussion.flush_comments(self)
        addresses.flush_redirects(self)
        terms.link_parents(self)
        own_data.link_related(self)
        bases.record(self)
        self.ledger.flush()
        seo_plugins.summary(self)

    # -- posts and pages --------------------------------------------------------------------------

    def _item(self, item: records.Item) -> None:
        self.links.notice(item)
        if item.post_type in own_data.POST_TYPES:
            own_data.import_item(self, item)
            return
        kind = {"post": "posts", "page": "pages"}.get(item.post_type)
        if kind is None:
            label = {"attachment": "attachments", "nav_menu_item": "menu items"}.get(
                item.post_type, "other items"
            )
            self.stats.skip(label, f"post type {item.post_type!r} is not imported")
            self._skip_comments(item)
            return
        if not is_imported(item.status):
            self.stats.skip(kind, f"status {item.status or 'missing'!r}")
            self._skip_comments(item)
            return
        obj = self._post(item) if kind == "posts" else self._page(item)
        if kind == "posts":
            discussion.import_comments(obj, item.comments, self)
        else:
            self.stats.skip(
                "comments", "on a page (comments belong to posts here)", len(item.comments)
            )
        addresses.record_redirects(obj, item, self)

    def _skip_comments(self, item: records.Item) -> None:
        self.stats.skip("comments", "their post or page is not imported", len(item.comments))

    def _published_at(self, item: records.Item, kind: str) -> datetime | None:
        if item.password and item.status not in DRAFT_STATUSES:
            self.stats.note(f"{kind} {item.id} is password-protected: imported as a draft.")
        return published_at(item)

    def _slug(self, item: records.Item, model: type[Post | Page], current: str | None) -> str:
        wanted = decode_slug(item.post_name)
        usable = is_slug(wanted)
        base = (wanted if usable else slugify(wanted, allow_unicode=True)) or slugify(
            item.title, allow_unicode=True
        )
        base = clipped(model, "slug", base) or f"{item.post_type}-{item.id}"
        candidate, n = base, 2
        while candidate != current and (
            candidate in self.taken
            or candidate in RESERVED_SLUGS
            or (candidate.isdigit() and len(candidate) == 4)
        ):
            suffix = f"-{n}"
            candidate, n = clipped(model, "slug", base, room=len(suffix)) + suffix, n + 1
        if wanted and not usable:
            self.stats.note(
                f"{item.post_type} {item.id}: slug {wanted[:80]!r} is not a valid address here, "
                f"imported as {candidate!r}."
            )
        elif wanted and candidate != wanted:
            self.stats.note(
                f"{item.post_type} {item.id}: slug {decode_slug(item.post_name)!r} is taken "
                f"or reserved here, imported as {candidate!r}."
            )
        return candidate

    def _earlier(self, model, wp_type: str, wp_id: int, fingerprint: str, label: str):
        """What an earlier import made of this item, and what to do with it: "unchanged" (counted
        here) when the item is as it was then, "updated" when it changed, and a new object to
        fill, "created", when there is none."""
        row, obj = self.ledger.known(model, wp_type, str(wp_id))
        if obj is None:
            return model(), "created"
        if row.digest == fingerprint:
            self.stats.add(label, "unchanged")
            return obj, "unchanged"
        return obj, "updated"

    def _post(self, item: records.Item) -> Post:
        thumbnail = media.thumbnail(self, item)
        item_terms = sorted((t.domain, t.slug, t.name) for t in item.terms)
        seo = seo_plugins.read(self, item)
        seo_plugins.count(self, seo)
        fingerprint = digest(item.title, item.post_name, item.content, item.excerpt, item.status,
                             item.post_date_gmt, item.pub_date, item.is_sticky,
                             item.comment_status, bool(item.password), item.creator, item_terms,
                             thumbnail, *(seo.fingerprint() if seo.plugin else ()),
                             *own_data.fingerprint(item))  # fmt: skip
        post, outcome = self._earlier(Post, WordPressType.POST, item.id, fingerprint, "posts")
        if outcome == "unchanged":
            return post
        post.title = clipped(Post, "title", item.title)
        if post.title != item.title:
            self.stats.note(f"post {item.id}: title cut to {len(post.title)} characters.")
        post.slug = self._slug(item, Post, post.slug if post.pk else None)
        post.excerpt = item.excerpt
        post.body = media.rewrite(self, to_html(item.content))
        post.author = terms.user_for(self, item.creator)
        post.published_at = self._published_at(item, "post")
        post.is_featured = item.is_sticky
        post.comments_open = item.comment_status == "open"
        post.guid = clipped(Post, "guid", item.guid)
        _apply_seo(post, seo)
        own_data.apply_seo(post, item)
        if thumbnail and not self.dry_run:
            stored, alt = thumbnail
            if post.featured_image.name != stored:
                post.featured_image = stored
            post.featured_image_alt = clipped(Post, "featured_image_alt", alt)
        post.save()
        self.taken.add(post.slug)
        categories = [terms.category(self, t.slug, t.name) for t in item.terms
                      if t.domain == "category"]  # fmt: skip
        tags = [terms.tag(self, t.slug, t.name) for t in item.terms if t.domain == "post_tag"]
        if outcome == "created":
            post.categories.add(*categories)
            post.tags.add(*tags)
        else:
            post.categories.set(categories)
            post.tags.set(tags)
        primary = next((c for c in categories if c.slug == seo.primary_category), None)
        if primary is not None or post.primary_category_id is not None:
            Post.objects.filter(pk=post.pk).update(primary_category=primary)
            post.primary_category = primary
        own_data.finish_post(self, post, item)
        self.ledger.remember(WordPressType.POST, str(item.id), post.pk, fingerprint)
        self.stats.add("posts", outcome)
        return post

    def _page(self, item: records.Item) -> Page:
        seo = seo_plugins.read(self, item)
        seo_plugins.count(self, seo)
        fingerprint = digest(item.title, item.post_name, item.content, item.status,
                             item.post_date_gmt, item.pub_date, bool(item.password),
                             *(seo.fingerprint() if seo.plugin else ()),
                             *own_data.fingerprint(item))  # fmt: skip
        page, outcome = self._earlier(Page, WordPressType.PAGE, item.id, fingerprint, "pages")
        if outcome == "unchanged":
            return page
        page.title = clipped(Page, "title", item.title)
        page.slug = self._slug(item, Page, page.slug if page.pk else None)
        page.body = media.rewrite(self, to_html(item.content))
        page.published_at = self._published_at(item, "page")
        _apply_seo(page, seo)
        own_data.apply_seo(page, item)
        page.save()
        self.taken.add(page.slug)
        self.ledger.remember(WordPressType.PAGE, str(item.id), page.pk, fingerprint)
        self.stats.add("pages", outcome)
        return page


def _apply_seo(obj: Post | Page, seo: seo_plugins.SEO) -> None:
    """The plugin's values; without a plugin, what the site holds is left alone."""
    if not seo.plugin:
        return
    model = type(obj)
    obj.seo_title = clipped(model, "seo_title", seo.title)
    obj.seo_description = clipped(model, "seo_description", seo.description)
    obj.seo_canonical = clipped(model, "seo_canonical", seo.canonical)
    obj.seo_noindex = seo.noindex
