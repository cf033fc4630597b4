"""The comment policy, in one place.

`decide()` runs the rules in order and returns a `Decision`: either a refusal (an HTTP status
and a message for the human, nothing stored) or the status the comment is stored with and the
rule that chose it. Every rule reads its tunable from settings (`COMMENTS_…`, in
cosmediclist/settings.py), so each can be tightened, loosened or switched off on its own.

1. signed form token: binds the post and the time the form was rendered; a bad signature, a
   token for another post, a form sent too fast (COMMENTS_MIN_SECONDS) or too old
   (COMMENTS_MAX_AGE_SECONDS) is refused with 400;
2. flood (COMMENTS_FLOOD_COUNT per COMMENTS_FLOOD_SECONDS per IP, counted in the database so
   every process agrees, spam included): 429;
3. duplicate (COMMENTS_DUPLICATES_REFUSED): the same body by the same email on the same post:
   409;
4. honeypot (COMMENTS_HONEYPOT): a filled hidden field stores the comment as spam, and the bot
   sees the normal thank-you — after the two rules above, so a bot is held to the same rates;
5. disallowed terms (admin-editable): trash;
6. more than COMMENTS_MAX_LINKS links, or a moderation term: held as pending;
7. previously approved commenter (COMMENTS_TRUST_APPROVED_COMMENTERS): approved, but only for
   a browser holding our signed cookie that names an approved comment with the same email —
   a typed name and email alone prove nothing;
8. otherwise pending.

Signed-in staff skip rules 2 to 8: their comments are approved at once and marked as the site's.
"""

from __future__ import annotations

import datetime
import re
import time
from dataclasses import dataclass
from http import HTTPStatus

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone

from articles.models import Post
from articles.permissions import is_staff

from .models import Comment, CommentStatus, ModerationTerm, TermKind

TOKEN_SALT = "comments.form"  # noqa: S105 - a signing namespace, not a secret
MINE_COOKIE = "comments_mine"
MINE_SALT = "comments.mine"
MINE_KEEP = 50
URL_RE = re.compile(r"""\bhttps?://[^\s<>"'`]+|\bwww\.[^\s<>"'`]+""", re.IGNORECASE)


@dataclass(frozen=True)
class Decision:
    status: str | None  # the status to store; None: refused, nothing stored
    reason: str
    http_status: int = HTTPStatus.SEE_OTHER
    message: str = ""

    @property
    def refused(self) -> bool:
        return self.status is None


def refuse(http_status: int, reason: str, message: str) -> Decision:
    return Decision(None, reason, http_status, message)


# The form token ---------------------------------------------------------------------------


class _SignerAt(signing.TimestampSigner):
    """Stamps the signature with the given time, not the clock's, so one token is one value."""

    def __init__(self, at: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.at = at

    def timestamp(self) -> str:
        return signing.b62_encode(self.at)


def make_token(post: Post, now: float | None = None) -> str:
    """A signed (post, render time) pair. The same for every visitor: cached pages stay valid."""
    rendered = int(now if now is not None else time.time())
    return _SignerAt(rendered, salt=TOKEN_SALT).sign_object(
        {"p": post.pk, "t": rendered}, compress=False
    )


# The token printed in a page is stamped with the start of its minute, so every render within
# that minute is byte-identical (a person always types longer than the rounding gains them).
# comments.js swaps in a token made at the moment the reader starts typing (`fresh_token`).
PAGE_TOKEN_STEP_SECONDS = 60


def make_page_token(post: Post) -> str:
    now = int(time.time())
    return make_token(post, now=now - now % PAGE_TOKEN_STEP_SECONDS)


def comments_epoch() -> int:
    """Changes every half of the form token's lifetime. Part of the post page's validators, so
    a copy revalidated by a browser or a cache never carries a token too old to be accepted
    (and a post closing by age shows it within that time)."""
    half_life = max(settings.COMMENTS_MAX_AGE_SECONDS // 2, 1)
    return int(time.time()) // half_life


def check_token(token: str, post: Post) -> Decision | None:
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
        post_id, rendered = int(data["p"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return refuse(
            HTTPStatus.BAD_REQUEST,
            "bad token",
            "The form could not be verified. Please send your comment again.",
        )
    if post_id != post.pk:
        return refuse(
            HTTPStatus.BAD_REQUEST,
            "token for another post",
            "This form belongs to another article. Please send your comment again from here.",
        )
    age = time.time() - rendered
    if age < settings.COMMENTS_MIN_SECONDS:
        return refuse(
            HTTPStatus.BAD_REQUEST,
            "too fast",
            "That was quicker than a person can type. Please wait a few seconds and send "
            "your comment again.",
        )
    if age > settings.COMMENTS_MAX_AGE_SECONDS:
        return refuse(
            HTTPStatus.BAD_REQUEST,
            "too old",
            "This form has been open for too long. Please send your comment again.",
        )
    return None


# Who is this browser? ---------------------------------------------------------------------


def own_comment_ids(request: HttpRequest) -> list[int]:
    """The comments this browser sent, from our signed cookie (forged or stale: none)."""
    raw = request.get_signed_cookie(MINE_COOKIE, default="", salt=MINE_SALT)
    return [int(part) for part in raw.split(",") if part.isdigit()]


def remember_own_comment(request: HttpRequest, response, comment: Comment) -> None:
    ids = [i for i in own_comment_ids(request) if i != comment.pk][-(MINE_KEEP - 1) :]
    response.set_signed_cookie(
        MINE_COOKIE,
        ",".join(map(str, [*ids, comment.pk])),
        salt=MINE_SALT,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


# The rules --------------------------------------------------------------------------------


def count_links(text: str) -> int:
    return len(URL_RE.findall(text))


def _matches(term: str, haystacks: list[str]) -> bool:
    needle = term.lower()
    if re.fullmatch(r"\w+", needle):
        pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
        return any(pattern.search(h) for h in haystacks)
    return any(needle in h for h in haystacks)


def matching_term(kind: str, comment: Comment) -> ModerationTerm | None:
    haystacks = [
        (value or "").lower()
        for value in (
            comment.author_name,
            comment.author_email,
            comment.author_url,
            comment.body,
            comment.ip_address,
            comment.user_agent,
        )
    ]
    for term in ModerationTerm.objects.filter(kind=kind):
        if term.term and _matches(term.term, haystacks):
            return term
    return None


def is_flooding(ip: str | None) -> bool:
    if not ip or settings.COMMENTS_FLOOD_SECONDS <= 0:
        return False
    since = timezone.now() - datetime.timedelta(seconds=settings.COMMENTS_FLOOD_SECONDS)
    recent = Comment.objects.filter(ip_address=ip, created_at__gte=since).count()
    return recent >= settings.COMMENTS_FLOOD_COUNT


def is_duplicate(comment: Comment) -> bool:
    return (
        Comment.objects.on(comment.post)
        .by_email(comment.author_email)
        .filter(body=comment.body)
        .exists()
    )


def is_trusted_commenter(request: HttpRequest, email: str) -> bool:
    ids = own_comment_ids(request)
    return bool(ids) and Comment.objects.approved().by_email(email).filter(pk__in=ids).exists()


def comments_open(post: Post) -> bool:
    if not post.comments_open or not post.is_live:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    return not (days and post.published_at < timezone.now() - datetime.timedelta(days=days))


def decide(request: HttpRequest, comment: Comment, *, token: str, honeypot: str) -> Decision:
    """Run the rules on an unsaved, valid comment sent through the form."""
    refusal = check_token(token, comment.post)
    if refusal:
        return refusal
    user = request.user
    if is_staff(user):
        return Decision(CommentStatus.APPROVED, "staff")
    if is_flooding(comment.ip_address):
        seconds = settings.COMMENTS_FLOOD_SECONDS
        return refuse(
            HTTPStatus.TOO_MANY_REQUESTS,
            "flood",
            f"You are posting comments too quickly. Please wait {seconds} seconds and send "
            "it again.",
        )
    if settings.COMMENTS_DUPLICATES_REFUSED and is_duplicate(comment):
        return refuse(
            HTTPStatus.CONFLICT,
            "duplicate",
            "Duplicate comment detected: it looks as though you’ve already said that.",
        )
    if settings.COMMENTS_HONEYPOT and honeypot.strip():
        return Decision(CommentStatus.SPAM, "honeypot")
    if term := matching_term(TermKind.DISALLOW, comment):
        return Decision(CommentStatus.TRASH, f"disallowed term #{term.pk}")
    links = count_links(comment.body)
    if links > settings.COMMENTS_MAX_LINKS:
        return Decision(CommentStatus.PENDING, f"{links} links")
    if term := matching_term(TermKind.MODERATE, comment):
        return Decision(CommentStatus.PENDING, f"moderation term #{term.pk}")
    if settings.COMMENTS_TRUST_APPROVED_COMMENTERS and is_trusted_commenter(
        request, comment.author_email
    ):
        return Decision(CommentStatus.APPROVED, "previously approved commenter")
    return Decision(CommentStatus.PENDING, "awaiting moderation")
