"""Keeping `PostText` current: one row per post with the text readers search.

Called from the signal handlers in `search.signals` inside the same transaction as the change,
so the index never disagrees with committed content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Prefetch

from articles.markup import plain_text
from articles.models import Category, Post, Procedure, Tag

from .models import PostText
from .query import clean_text

TEXT_FIELDS = ("title", "procedures", "topics", "excerpt", "body")
BATCH_SIZE = 500

# Block-level tags end a word even when the HTML has no white space around them.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|thead|tbody|tfoot|tr|td|th"
    r"|caption|figure|figcaption|hr|br)\b[^>]*>",
    re.IGNORECASE,
)


def body_text(html: str) -> str:
    """The text of a post's body, with block boundaries kept as spaces."""
    return plain_text(_BLOCK_TAG.sub(lambda tag: f" {tag.group(0)} ", html or ""))


def post_document(post: Post) -> dict[str, str]:
    """The searchable text of a post whose procedures, categories and tags are prefetched."""
    procedures = []
    for procedure in post.procedures.all():
        procedures.append(procedure.name)
        procedures.extend(procedure.alias_list)
    topics = [c.name for c in post.categories.all()] + [t.name for t in post.tags.all()]
    document = {
        "title": post.title,
        "procedures": "\n".join(procedures),
        "topics": "\n".join(topics),
        "excerpt": post.excerpt,
        "body": body_text(post.body),
    }
    return {key: clean_text(value).strip() for key, value in document.items()}


# While `deferred()` is active: the posts waiting to be reindexed when it ends.
_pending: ContextVar[set[int] | None] = ContextVar("search_pending", default=None)


@contextmanager
def deferred() -> Iterator[None]:
    """Collect the posts that need reindexing and index them together when the block ends.

    For bulk writers such as the WordPress importer: one post saved with its links would
    otherwise be reindexed four times. Use it inside the writer's transaction, so the index
    is written with (or rolled back with) the content. Nested blocks join the outer one.
    """
    if _pending.get() is not None:
        yield
        return
    pending: set[int] = set()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    reindex_posts(pending)


def reindex_posts(post_ids: Iterable[int]) -> None:
    """Bring the search text of these posts up to date; forget posts that no longer exist or
    are in the trash (restoring one saves it, which indexes it again)."""
    ids = sorted({int(pk) for pk in post_ids if pk is not None})
    pending = _pending.get()
    if pending is not None:
        pending.update(ids)
        return
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        posts = (
            Post.objects.not_trashed()
            .filter(pk__in=batch)
            .only("pk", "title", "excerpt", "body")
            .prefetch_related(
                Prefetch("procedures", queryset=Procedure.objects.only("name", "aliases")),
                Prefetch("categories", queryset=Category.objects.only("name")),
                Prefetch("tags", queryset=Tag.objects.only("name")),
            )
        )
        rows = [PostText(post_id=post.pk, **post_document(post)) for post in posts]
        if rows:
            PostText.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["post"],
                update_fields=list(TEXT_FIELDS),
            )
        missing = set(batch) - {row.post_id for row in rows}
        if missing:
            PostText.objects.filter(post_id__in=missing).delete()


def reindex_all() -> int:
    """Rebuild the search text of every post; returns how many posts were indexed."""
    ids = list(Post.objects.not_trashed().values_list("pk", flat=True))
    PostText.objects.exclude(post_id__in=Post.objects.not_trashed().values("pk")).delete()
    reindex_posts(ids)
    return len(ids)
