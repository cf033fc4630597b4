"""A commenter whose comment was approved before is trusted only when the browser proves it
(a signed token of that comment), never by typing the same name and email."""

import pytest

from comments.models import Comment, CommentStatus
from tests.builders import make_post
from tests.comments.builders import make_comment, send_comment, trust_browser

pytestmark = pytest.mark.django_db


def test_a_browser_holding_a_signed_token_of_an_approved_comment_is_trusted(client):
    post = make_post()
    send_comment(client, post, author_email="ann@example.net", body="First words")
    first = Comment.objects.get()
    first.status = CommentStatus.APPROVED
    first.save()

    send_comment(client, post, author_email="ann@example.net", body="Second words")

    second = Comment.objects.get(body="Second words")
    assert second.status == CommentStatus.APPROVED
    assert second.status_reason == "previously approved commenter"


def test_typing_an_approved_commenters_name_and_email_proves_nothing(client):
    post = make_post()
    make_comment(post, author_name="Ann", author_email="ann@example.net")

    send_comment(client, post, author_name="Ann", author_email="ann@example.net", body="Me too")

    assert Comment.objects.get(body="Me too").status == CommentStatus.PENDING


def test_a_trusted_browser_with_another_email_is_not_trusted(client):
    post = make_post()
    approved = make_comment(post, author_email="ann@example.net")
    trust_browser(client, approved)

    send_comment(client, post, author_email="someone@example.net", body="Other me")

    assert Comment.objects.get(body="Other me").status == CommentStatus.PENDING


def test_a_forged_trust_cookie_is_ignored(client):
    post = make_post()
    approved = make_comment(post, author_email="ann@example.net")
    client.cookies["comments_mine"] = f"{approved.pk}:forged-signature"

    send_comment(client, post, author_email="ann@example.net", body="Trust me")

    assert Comment.objects.get(body="Trust me").status == CommentStatus.PENDING


def test_the_previously_approved_rule_can_be_switched_off(client, settings):
    settings.COMMENTS_TRUST_APPROVED_COMMENTERS = False
    post = make_post()
    approved = make_comment(post, author_email="ann@example.net")
    trust_browser(client, approved)

    send_comment(client, post, author_email="ann@example.net", body="Once more")

    assert Comment.objects.get(body="Once more").status == CommentStatus.PENDING
