"""The discussion under a post: the approved comments as a tree, in one query.

Caching: what the post page shows is the same for every visitor, so a shared cache may keep
it. The one personal part — "Your comment is awaiting moderation." — only appears on the
address the form redirects to (`?unapproved=ID`), and only for the browser whose signed
cookie lists that pending comment; those responses are marked private and never stored.
Anyone else opening the same address sees the ordinary page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils import timezone

from articles.models import Post
from articles.prepared import NO_ID, PreparedQuery

from . import moderation
from .forms import CommentForm
from .markup import render_body, safe_web_url
from .models import THREAD_FIELDS, Comment, CommentStatus, ShownComment

PERSONAL_PARAMETER = "unapproved"


class ThreadComment(ShownComment):
    """An approved comment as the thread shows it: the columns of `for_thread`, and what
    `_prepare` works out from them, without a model instance per comment (a long discussion
    is most of the rows a post page reads)."""

    __slots__ = (
        *THREAD_FIELDS,
        "children", "is_own_pending", "can_reply", "iso_date", "display_date", "body_html",
        "website", "badge",
    )  # fmt: skip

    def __init__(self, *values) -> None:
        for name, value in zip(THREAD_FIELDS, values, strict=True):
            setattr(self, name, value)


@dataclass
class Discussion:
    post: Post
    count: int
    page: PaginatorPage
    form: CommentForm | None
    is_open: bool
    max_depth: int
    reply_to: ThreadComment | None = None
    own_pending: list[Comment] = field(default_factory=list)
    is_personal: bool = False

    @property
    def comments(self) -> list[ThreadComment | Comment]:
        return list(self.page.object_list)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


def team_badge() -> str:
    return f"{settings.SITE_NAME} team"


def _prepare(
    comment: ThreadComment | Comment, *, is_own_pending: bool, post_author_id: int | None, zone
) -> None:
    """Work out once, in Python, what the thread template prints for each comment: a long
    discussion then costs little more than its text. A staff comment is badged "Author" when
    the post's author wrote it, as the site's team otherwise."""
    local = timezone.localtime(comment.created_at, zone)
    comment.children = []
    comment.is_own_pending = is_own_pending
    comment.iso_date = local.isoformat()
    comment.display_date = f"{local.day} {local:%B %Y} at {local:%H:%M}"
    comment.body_html = render_body(comment.body)
    comment.website = safe_web_url(comment.author_url)
    if comment.is_by_staff:
        comment.badge = "Author" if comment.user_id == post_author_id else team_badge()
    else:
        comment.badge = ""


approved_comments_on = PreparedQuery(
    lambda post: Comment.objects.approved().on(post).for_thread().values_list(*THREAD_FIELDS),
    post=NO_ID,
)


def build_discussion(
    request: HttpRequest, post: Post, form: CommentForm | None = None
) -> Discussion:
    comments = [ThreadComment(*row) for row in approved_comments_on(post=post.pk)]
    personal = PERSONAL_PARAMETER in request.GET
    own_pending: list[Comment] = []
    if personal:
        ids = moderation.own_comment_ids(request)
        if ids:
            # Held, spam or trash alike: a sender is never told which it was.
            own_pending = list(
                Comment.objects.on(post)
                .exclude(status=CommentStatus.APPROVED)
                .filter(pk__in=ids)
                .for_thread()
            )
    by_id = {comment.pk: comment for comment in comments}
    is_open = moderation.comments_open(post)
    max_depth = settings.COMMENTS_MAX_DEPTH
    pending_ids = {comment.pk for comment in own_pending}
    zone = timezone.get_current_timezone()
    for comment in comments + own_pending:
        _prepare(
            comment,
            is_own_pending=comment.pk in pending_ids,
            post_author_id=post.author_id,
            zone=zone,
        )
        comment.can_reply = is_open and comment.depth < max_depth and not comment.is_own_pending
    roots: list[ThreadComment | Comment] = []
    for comment in sorted(comments + own_pending, key=lambda c: (c.created_at, c.pk)):
        parent = by_id.get(comment.parent_id) if comment.parent_id else None
        (parent.children if parent is not None else roots).append(comment)

    reply_to = by_id.get(_int(request.GET.get("replytocom")) or 0) if is_open else None
    if reply_to is not None and reply_to.depth >= max_depth:
        reply_to = None

    paginator = Paginator(roots, settings.COMMENTS_PER_PAGE)
    number = _int(request.GET.get("cpage")) or 1
    # Open the page holding the comment being answered, or the sender's own new comment.
    focus = reply_to or (own_pending[-1] if own_pending and "cpage" not in request.GET else None)
    if focus is not None:
        root = focus
        while root.parent_id in by_id:
            root = by_id[root.parent_id]
        if root in roots:
            number = roots.index(root) // paginator.per_page + 1
    page = paginator.get_page(number)

    if is_open and form is None:
        form = CommentForm(post, initial={"parent": reply_to.pk if reply_to else None})
    return Discussion(
        post=post,
        count=len(comments),
        page=page,
        form=form if is_open else None,
        is_open=is_open,
        max_depth=max_depth,
        reply_to=reply_to,
        own_pending=own_pending,
        is_personal=personal,
    )
