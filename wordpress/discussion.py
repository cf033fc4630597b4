"""Comments of an import: threads, statuses, dates and addresses kept, inserted in batches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from articles.models import Post
from comments.models import Comment, CommentStatus

from . import records
from .mapping import clipped, comment_status, digest, ip_or_none, parse_gmt
from .models import WordPressType

if TYPE_CHECKING:
    from .importer import Importer


def import_comments(post: Post, wp_comments: list[records.Comment], importer: Importer) -> None:
    """Import a post's comments with their threads, statuses, dates and addresses.

    Statuses map as `mapping.comment_status` says. A comment by one of the export's authors
    (`comment_user_id`) is linked to that user and shown as the site's own. Emails and IPs are
    kept for moderation only; the comments app never shows them publicly.

    New comments wait in a buffer and are inserted together by `flush_comments`; a changed
    comment from an earlier import is saved on its own.
    """
    stats = importer.stats
    known = importer.comment_known
    for comment in wp_comments:
        if comment.type in ("pingback", "trackback"):
            stats.skip("comments", comment.type)
            continue
        status = comment_status(comment.approved)
        fingerprint = digest(comment.author, comment.author_email, comment.author_url,
                         comment.content, status, comment.date_gmt, comment.parent,
                         comment.user_id, comment.author_ip)  # fmt: skip
        row, obj = importer.ledger.known(Comment, WordPressType.COMMENT, str(comment.id))
        if obj is not None and row.digest == fingerprint:
            stats.add("comments", "unchanged")
            known[comment.id] = obj
            continue
        if obj is None:
            obj = Comment(post=post, import_key=f"wxr:{comment.id}")
            _fill_comment(obj, comment, status, importer)
            importer.comment_buffer.append((post, obj, comment, fingerprint))
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
        importer.ledger.remember(WordPressType.COMMENT, str(comment.id), obj.pk, fingerprint)
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
        for _, obj, comment, fingerprint in ready:
            importer.ledger.remember(WordPressType.COMMENT, str(comment.id), obj.pk, fingerprint)
        importer.stats.add("comments", "created", len(ready))
        waiting = later
    changed = {post.pk: post for post, obj, _, _ in importer.comment_buffer
               if obj.status == CommentStatus.APPROVED}  # fmt: skip
    for post in changed.values():
        post.touch()
    importer.comment_buffer = []
    known.clear()


def _fill_comment(obj: Comment, comment: records.Comment, status: str, importer: Importer) -> None:
    obj.author_name = clipped(Comment, "author_name", comment.author)
    obj.author_email = clipped(Comment, "author_email", comment.author_email)
    obj.author_url = clipped(Comment, "author_url", comment.author_url)
    obj.body = comment.content
    obj.status = status
    obj.status_reason = "imported from WordPress"
    obj.ip_address = ip_or_none(comment.author_ip)
    obj.user = importer.users_by_wp_id.get(comment.user_id) if comment.user_id else None
    obj.is_by_staff = obj.user is not None
    obj.created_at = parse_gmt(comment.date_gmt) or parse_gmt(comment.date) or obj.created_at
    obj.notified_at = obj.notified_at or obj.created_at  # an import never emails anyone


def _comment_parent(
    comment: records.Comment, known: dict[int, Comment | None], importer: Importer
) -> Comment | None:
    """The parent from this file, else from an earlier import; None (a root) when missing."""
    if not comment.parent:
        return None
    if comment.parent not in known:
        _, parent = importer.ledger.known(Comment, WordPressType.COMMENT, str(comment.parent))
        if parent is None:
            importer.stats.note(f"Comment {comment.id}: its parent {comment.parent} is missing.")
        known[comment.parent] = parent
    return known[comment.parent]
