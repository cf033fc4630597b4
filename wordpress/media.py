"""Media of an import: files under wp-content/uploads/ copied into our storage, bodies pointed at
the copies, and featured images from `_thumbnail_id`. A missing file is reported, never fatal.

WordPress's own `srcset`/`sizes` of a copied image are dropped: they name WordPress's resized
files. The copy gets WebP renditions of ours (`BodyImage`), which saving the body writes into
its <img> tag with the image's size and lazy loading."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.core.files.storage import default_storage

from images.files import RENDITION_WIDTHS, ImageRejected, clean_image, store_image
from images.models import BodyImage

from . import records
from .models import WordPressType

if TYPE_CHECKING:
    from .importer import Importer

_UPLOADS = re.compile(r"/wp-content/uploads/(?:sites/\d+/)?(.+)$")
_MEDIA_ATTR = re.compile(r'(<(?:img|a)\b[^>]*?\s(?:src|href)=")([^"]+)(")')
_SRCSET = re.compile(r'\s(?:srcset|sizes)="[^"]*"')


def thumbnail(imp: Importer, item: records.Item) -> tuple[str, str] | None:
    """(stored file name, alt text) of the post's featured image, when it can be had."""
    raw = item.meta.get("_thumbnail_id", "").strip()
    if not raw.isdigit():
        return None
    attachment = imp.scan.attachments.get(int(raw))
    if attachment is None:
        imp.stats.note(f"post {item.id}: featured image {raw} is not in the file.")
        return None
    relative = attachment.meta.get("_wp_attached_file", "").strip()
    if not relative:
        found = _UPLOADS.search(urlsplit(attachment.attachment_url).path)
        relative = unquote(found.group(1)) if found else ""
    stored = import_file(imp, relative) if relative else None
    if stored is None:
        return None
    alt = attachment.meta.get("_wp_attachment_image_alt") or attachment.title or item.title
    return stored, alt


def import_file(imp: Importer, relative: str) -> str | None:
    """Our storage name for a file under wp-content/uploads/, importing it the first time."""
    if relative in imp.files:
        return imp.files[relative]
    imp.files[relative] = None
    if imp.media_dir is None:
        imp.stats.skip("media", "no --media-dir given")
        return None
    row = imp.ledger.get(WordPressType.FILE, relative)
    if row is not None and row.stored_name and default_storage.exists(row.stored_name):
        imp.stats.add("media", "unchanged")
        imp.files[relative] = row.stored_name
        return row.stored_name
    source = (imp.media_dir / relative).resolve()
    if imp.media_dir.resolve() not in source.parents or not source.is_file():
        imp.stats.skip("media", "file missing under --media-dir")
        imp.stats.note(f"Missing media file: {relative}")
        return None
    try:
        clean = clean_image(source.read_bytes())
    except ImageRejected as error:
        imp.stats.skip("media", "not an image this site accepts")
        imp.stats.note(f"Media file {relative}: {error}")
        return None
    if imp.dry_run:
        name = f"uploads/{PurePosixPath(relative).name}"
    else:
        name = store_image(clean, "uploads")
        imp.written.append(name)
    imp.ledger.remember(WordPressType.FILE, relative, None, stored_name=name)
    imp.stats.add("media", "created")
    imp.files[relative] = name
    return name


def rewrite(imp: Importer, body: str) -> str:
    """Point images and links under wp-content/uploads/ at the imported copies."""
    if "/wp-content/uploads/" not in body:
        return body

    def swap(match: re.Match) -> str:
        url = match.group(2).replace("&amp;", "&")
        found = _UPLOADS.search(urlsplit(url).path)
        stored = import_file(imp, unquote(found.group(1))) if found else None
        if stored is None:
            return match.group()
        if match.group(1).startswith("<img") and not imp.dry_run:
            BodyImage.objects.ensure(stored)  # its renditions, once per file
        return f"{match.group(1)}{default_storage.url(stored)}{match.group(3)}"

    body = _MEDIA_ATTR.sub(swap, body)
    media_url = default_storage.url("uploads/")
    return re.sub(
        r"<img\b[^>]*>",
        lambda m: _SRCSET.sub("", m.group()) if media_url in m.group() else m.group(),
        body,
    )


def remove_files(names: list[str]) -> None:
    """Take back the files a failed run wrote, with their renditions."""
    for name in names:
        stem = PurePosixPath(name)
        for width in RENDITION_WIDTHS:
            rendition = f"renditions/{stem.parent}/{stem.stem}-{width}.webp"
            if default_storage.exists(rendition):
                default_storage.delete(rendition)
        if default_storage.exists(name):
            default_storage.delete(name)
