"""Builders for comment tests."""

import itertools
import time

from django.core import signing

from comments.models import Comment, CommentStatus, ModerationTerm
from comments.moderation import MINE_COOKIE, MINE_SALT, make_token

_counter = itertools.count(1)


def make_comment(post, **fields) -> Comment:
    n = next(_counter)
    fields.setdefault("author_name", f"Commenter {n}")
    fields.setdefault("author_email", f"commenter{n}@example.net")
    fields.setdefault("body", f"Comment number {n}.")
    fields.setdefault("status", CommentStatus.APPROVED)
    return Comment.objects.create(post=post, **fields)


def make_term(term: str, kind: str) -> ModerationTerm:
    return ModerationTerm.objects.create(term=term, kind=kind)


def token_for(post, seconds_ago: float = 10) -> str:
    return make_token(post, now=time.time() - seconds_ago)


def form_data(post, **fields) -> dict:
    """What a person fills in: a token rendered ten seconds ago and every required field."""
    n = next(_counter)
    data = {
        "token": token_for(post),
        "body": f"A thoughtful question number {n} about the treatment.",
        "author_name": f"Visitor {n}",
        "author_email": f"visitor{n}@example.net",
        "author_url": "",
        "leave_empty": "",
        "parent": "",
    }
    data.update(fields)
    return data


def unique_ip() -> str:
    n = next(_counter)
    return f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"


def send_comment(client, post, *, ip: str | None = None, **fields):
    """Post the form as a browser would (from a fresh IP unless one is given)."""
    headers = {k: fields.pop(k) for k in list(fields) if k.startswith("HTTP_")}
    headers.setdefault("HTTP_USER_AGENT", "Mozilla/5.0 (test browser)")
    return client.post(
        f"/comments/post/{post.pk}/",
        form_data(post, **fields),
        REMOTE_ADDR=ip or unique_ip(),
        **headers,
    )


def trust_browser(client, comment: Comment) -> None:
    """Give the test client's browser the signed token a commenter gets with `comment`."""
    value = signing.get_cookie_signer(salt=MINE_COOKIE + MINE_SALT).sign(str(comment.pk))
    client.cookies[MINE_COOKIE] = value
