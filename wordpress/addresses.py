"""Old addresses of an import: permalinks and `/?page_id=` in `Redirect`, post ids in
`LegacyPostId`, so that every link to the WordPress site keeps landing on the same content."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from articles.models import Page, Post
from redirects.models import Redirect, RedirectSource, RedirectStatus, normalise_path

from . import records
from .mapping import clipped
from .models import LegacyPostId

if TYPE_CHECKING:
    from .importer import Importer


def load(importer: Importer) -> None:
    """What the run checks new addresses against: every redirect and every WordPress id."""
    load_redirects(importer)
    importer.legacy_ids = {
        wp_id: (post_id, guid, site)
        for wp_id, post_id, guid, site in LegacyPostId.objects.values_list(
            "wp_id", "post_id", "guid", "source_site"
        )
    }
    importer.redirect_buffer = []
    importer.legacy_buffer = []


def load_redirects(importer: Importer) -> None:
    """Every redirect, as (new path, status) by old path: new ones are checked in memory."""
    importer.redirects = {
        old: (new, status)
        for old, new, status in Redirect.objects.values_list("old_path", "new_path", "status")
    }
    importer.redirect_targets = {new for new, _ in importer.redirects.values()}


def record_redirects(obj: Post | Page, item: records.Item, importer: Importer) -> None:
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
            load_redirects(importer)
        stats.add("redirects", "created" if current is None else "updated")
    if isinstance(obj, Post) and item.id:
        guid = clipped(LegacyPostId, "guid", item.guid)
        site = clipped(LegacyPostId, "source_site", importer.site)
        current = importer.legacy_ids.get(item.id)
        if current is None:
            importer.legacy_buffer.append(
                LegacyPostId(post=obj, wp_id=item.id, source_site=site, guid=guid)
            )
            stats.add("redirects", "created")
        elif current[:2] == (obj.pk, guid):
            stats.add("redirects", "unchanged")
        else:
            if current[2] and current[2] != importer.site:
                stats.note(f"/?p={item.id} pointed at a post from {current[2]}; now here.")
            flush_redirects(importer)
            LegacyPostId.objects.filter(wp_id=item.id).update(post=obj, source_site=site, guid=guid)
            stats.add("redirects", "updated")
        importer.legacy_ids[item.id] = (obj.pk, guid, importer.site)
        if obj.guid != guid:  # a guid that changed while the post did not
            Post.objects.filter(pk=obj.pk).update(guid=guid)
            obj.guid = guid


def flush_redirects(importer: Importer) -> None:
    """Insert the buffered new redirects and WordPress ids."""
    Redirect.objects.bulk_create(importer.redirect_buffer, batch_size=500)
    LegacyPostId.objects.bulk_create(importer.legacy_buffer, batch_size=500)
    importer.redirect_buffer, importer.legacy_buffer = [], []
