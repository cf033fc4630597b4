"""The pure part of moving between WordPress and this site: statuses, dates, slugs, field sizes.

Publishing, both ways:

- WordPress → here: publish → published at the GMT date; future → scheduled at that date;
  draft, pending and private → draft; trash, auto-draft and inherit → not imported. A
  password-protected post is a draft (this site has no post passwords).
- here → WordPress: no `published_at` → draft; in the future → future; else publish; a post or
  page in the trash → trash, with the status it had in `_wp_trash_meta_status`, as WordPress
  writes it (so a trashed post never comes back live from an export).
- Comments: WordPress's `comment_approved` 1 → approved, 0 → pending, spam → spam, anything else
  (trash, post-trashed) → trash; approved → 1 and pending → 0 on the way out.
"""

from __future__ import annotations

import email.utils
import hashlib
import ipaddress
import json
import re
from datetime import UTC, datetime
from urllib.parse import unquote

from django.db import models
from django.utils import timezone

from comments.models import CommentStatus

from . import records

MAPPING_VERSION = 1  # part of every digest: bump it when the mapping changes

SKIPPED_STATUSES = frozenset({"trash", "auto-draft", "inherit"})
DRAFT_STATUSES = frozenset({"draft", "pending", "private"})
COMMENT_STATUS = {
    "1": CommentStatus.APPROVED,
    "0": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.TRASH,
}
EXPORTED_COMMENT_STATUS = {CommentStatus.APPROVED: "1", CommentStatus.PENDING: "0"}

_RSS_YEAR = re.compile(r"\s[12][0-9]{3}\s")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")


def is_imported(status: str) -> bool:
    return bool(status) and status not in SKIPPED_STATUSES


def published_at(item: records.Item) -> datetime | None:
    """When an imported post or page goes live; None for a draft."""
    if item.status in DRAFT_STATUSES or item.password:
        return None
    return item_date(item)


def comment_status(approved: str) -> str:
    return COMMENT_STATUS.get(approved, CommentStatus.TRASH)


def wordpress_status(moment: datetime | None) -> str:
    if moment is None:
        return "draft"
    return "future" if moment > timezone.now() else "publish"


def clipped(model: type[models.Model], field: str, value: str, room: int = 0) -> str:
    """`value` cut to what the model's field holds (WordPress has no such limits), less `room`
    characters kept free for a suffix."""
    return value[: model._meta.get_field(field).max_length - room]


def decode_slug(raw: str) -> str:
    """WordPress's percent-encoded UTF-8 slugs decoded; anything else kept exactly."""
    if not _PERCENT.search(raw):
        return raw
    try:
        return unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return raw


_NOT_IN_A_SLUG = re.compile(r"""[/\\?#%<>"'`&]|\s|[\x00-\x1f\x7f]""")


def is_slug(value: str) -> bool:
    """Whether a WordPress slug can be one /<slug>/ address as it is: any script and symbol are
    kept (WordPress allows them), but not a path separator, a dot-only segment, markup, white
    space, control characters or URL syntax (`..`, `<script>`, a decoded `evil%2Fpath`)."""
    return bool(value) and value.strip(".") != "" and not _NOT_IN_A_SLUG.search(value)


def parse_gmt(value: str) -> datetime | None:
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def item_date(item: records.Item) -> datetime | None:
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


def digest(*parts: object) -> str:
    payload = json.dumps([MAPPING_VERSION, *parts], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def ip_or_none(value: str) -> str | None:
    """WordPress keeps whatever the server saw; only a real address goes into an IP field."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None
