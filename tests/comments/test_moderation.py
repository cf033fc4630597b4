"""One test per rule of comments/moderation.py and per tamper case of the form."""

import time
from http import HTTPStatus

import pytest
import time_machine
from django.utils import timezone

from comments.models import Comment, CommentStatus, TermKind
from comments.moderation import make_token
from tests.builders import make_post
from tests.comments.builders import (
    make_comment,
    make_term,
    send_comment,
    token_for,
    trust_browser,
)

pytestmark = pytest.mark.django_db


def _refused(response, status: HTTPStatus, message: str) -> None:
    assert response.status_code == status
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_a_token_with_a_bad_signature_is_refused(client):
    post = make_post()
    token = token_for(post)

    response = send_comment(client, post, token=token[:-3] + "abc", body="Kept words")

    _refused(response, HTTPStatus.BAD_REQUEST, "The form could not be verified.")
    assert "Kept words" in response.content.decode()


def test_a_missing_token_is_refused(client):
    post = make_post()

    response = send_comment(client, post, token="")

    _refused(response, HTTPStatus.BAD_REQUEST, "The form could not be verified.")


def test_a_token_edited_to_name_another_post_is_refused(client):
    post = make_post()
    token = token_for(post)
    head, rest = token.split(":", 1)

    response = send_comment(client, post, token=head.replace("e", "f", 1) + ":" + rest)

    _refused(response, HTTPStatus.BAD_REQUEST, "The form could not be verified.")


def test_a_token_for_another_post_is_refused(client):
    post, other = make_post(), make_post()

    response = send_comment(client, post, token=token_for(other))

    _refused(response, HTTPStatus.BAD_REQUEST, "This form belongs to another article.")


def test_a_form_sent_too_fast_is_refused(client):
    post = make_post()

    response = send_comment(client, post, token=token_for(post, seconds_ago=1))

    _refused(response, HTTPStatus.BAD_REQUEST, "quicker than a person can type")


def test_the_minimum_time_is_a_setting(client, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    post = make_post()

    response = send_comment(client, post, token=make_token(post))

    assert response.status_code == HTTPStatus.SEE_OTHER


def test_a_form_left_open_too_long_is_refused_and_the_reply_gets_a_fresh_token(client):
    post = make_post()
    token = make_token(post)

    with time_machine.travel(timezone.now() + timezone.timedelta(days=4)):
        response = send_comment(client, post, token=token)
        fresh = response.content.decode().split('name="token" value="')[1].split('"')[0]

    _refused(response, HTTPStatus.BAD_REQUEST, "This form has been open for too long.")
    assert fresh != token


def test_a_filled_honeypot_stores_spam_and_shows_the_usual_thank_you(client):
    post = make_post(slug="needling")

    response = send_comment(client, post, leave_empty="http://spam.example/")

    comment = Comment.objects.get()
    assert comment.status == CommentStatus.SPAM
    assert comment.status_reason == "honeypot"
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == f"/needling/?unapproved={comment.pk}#comment-{comment.pk}"
    assert (
        "Your comment is awaiting moderation." in client.get(response["Location"]).content.decode()
    )


def test_the_honeypot_rule_can_be_switched_off(client, settings):
    settings.COMMENTS_HONEYPOT = False
    post = make_post()

    send_comment(client, post, leave_empty="filled by an autofill")

    assert Comment.objects.get().status == CommentStatus.PENDING


def test_a_second_comment_from_one_ip_within_the_window_is_429(client):
    post = make_post()
    send_comment(client, post, ip="198.51.100.9")

    response = send_comment(client, post, ip="198.51.100.9", body="Again, quickly")

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert (
        "You are posting comments too quickly. Please wait 15 seconds" in response.content.decode()
    )
    assert "Again, quickly" in response.content.decode()
    assert Comment.objects.count() == 1


def test_the_flood_window_passes(client):
    post = make_post()
    send_comment(client, post, ip="198.51.100.9")

    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=16)):
        response = send_comment(
            client, post, ip="198.51.100.9", token=make_token(post, now=time.time() - 10)
        )

    assert response.status_code == HTTPStatus.SEE_OTHER
    assert Comment.objects.count() == 2


def test_the_flood_limit_is_a_setting(client, settings):
    settings.COMMENTS_FLOOD_COUNT = 3
    post = make_post()

    statuses = [send_comment(client, post, ip="198.51.100.9").status_code for _ in range(4)]

    assert statuses == [HTTPStatus.SEE_OTHER] * 3 + [HTTPStatus.TOO_MANY_REQUESTS]


def test_a_duplicate_comment_is_409(client):
    post = make_post()
    make_comment(
        post, author_email="ann@example.net", body="Same words", status=CommentStatus.PENDING
    )

    response = send_comment(client, post, author_email="ANN@example.net", body="Same words")

    assert response.status_code == HTTPStatus.CONFLICT
    assert "Duplicate comment detected" in response.content.decode()
    assert Comment.objects.count() == 1


def test_duplicate_detection_can_be_switched_off(client, settings):
    settings.COMMENTS_DUPLICATES_REFUSED = False
    post = make_post()
    make_comment(post, author_email="ann@example.net", body="Same words")

    response = send_comment(client, post, author_email="ann@example.net", body="Same words")

    assert response.status_code == HTTPStatus.SEE_OTHER


def test_more_links_than_allowed_hold_the_comment(client, settings):
    settings.COMMENTS_TRUST_APPROVED_COMMENTERS = True
    post = make_post()
    body = "See https://a.example/ and https://b.example/ and www.c.example"

    send_comment(client, post, body=body)

    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.status_reason == "3 links"


def test_the_link_limit_is_a_setting(client, settings):
    settings.COMMENTS_MAX_LINKS = 0
    post = make_post()

    send_comment(client, post, body="Only https://a.example/")

    assert Comment.objects.get().status_reason == "1 links"


def test_a_disallowed_word_sends_the_comment_to_the_trash(client):
    post = make_post()
    term = make_term("casino", TermKind.DISALLOW)

    response = send_comment(client, post, body="Best CASINO offers here")

    comment = Comment.objects.get()
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert comment.status == CommentStatus.TRASH
    assert comment.status_reason == f"disallowed term #{term.pk}"


def test_disallowed_emails_and_ips_are_trashed_too(client):
    post = make_post()
    make_term("troll@example.org", TermKind.DISALLOW)
    make_term("203.0.113.66", TermKind.DISALLOW)

    send_comment(client, post, author_email="Troll@example.org")
    send_comment(client, post, ip="203.0.113.66")

    assert list(Comment.objects.values_list("status", flat=True)) == [CommentStatus.TRASH] * 2


def test_a_word_term_matches_whole_words_only(client):
    post = make_post()
    make_term("ass", TermKind.DISALLOW)

    send_comment(client, post, body="My class on skin care")

    assert Comment.objects.get().status == CommentStatus.PENDING


def test_a_moderation_term_holds_the_comment(client):
    post = make_post()
    term = make_term("guaranteed", TermKind.MODERATE)
    earlier = make_comment(post, author_email="ann@example.net")
    trust_browser(client, earlier)

    send_comment(client, post, author_email="ann@example.net", body="Results guaranteed!")

    comment = Comment.objects.exclude(pk=earlier.pk).get()
    assert comment.status == CommentStatus.PENDING
    assert comment.status_reason == f"moderation term #{term.pk}"


def test_posting_on_a_closed_post_is_403_with_a_message(client):
    post = make_post(comments_open=False)

    response = send_comment(client, post, body="Too late")

    _refused(response, HTTPStatus.FORBIDDEN, "Comments are closed on this article.")
    assert "Too late" in response.content.decode()


def test_a_reply_to_a_comment_of_another_post_is_refused(client):
    post, other = make_post(), make_post()
    elsewhere = make_comment(other)

    response = send_comment(client, post, parent=str(elsewhere.pk))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "not part of this discussion" in response.content.decode()
    assert Comment.objects.count() == 1


def test_a_reply_to_a_pending_comment_is_refused(client):
    post = make_post()
    pending = make_comment(post, status=CommentStatus.PENDING)

    response = send_comment(client, post, parent=str(pending.pk))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert Comment.objects.count() == 1


def test_a_reply_deeper_than_the_limit_is_refused(client):
    post = make_post()
    first = make_comment(post)
    second = make_comment(post, parent=first)
    third = make_comment(post, parent=second)

    response = send_comment(client, post, parent=str(third.pk))

    assert third.depth == 3
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Replies cannot go any deeper" in response.content.decode()
    assert Comment.objects.count() == 3


def test_the_depth_limit_is_a_setting(client, settings):
    settings.COMMENTS_MAX_DEPTH = 1
    post = make_post(slug="flat")
    first = make_comment(post)

    response = send_comment(client, post, parent=str(first.pk))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "replytocom" not in client.get("/flat/").content.decode()


def test_without_any_rule_firing_a_comment_waits_for_moderation(client):
    post = make_post()

    send_comment(client, post)

    assert Comment.objects.get().status_reason == "awaiting moderation"


def test_the_client_ip_can_come_from_a_trusted_proxy_header(client, settings):
    settings.COMMENTS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    post = make_post()

    client.post(
        f"/comments/post/{post.pk}/",
        {"token": token_for(post), "body": "Hi", "author_name": "A", "author_email": "a@b.net"},
        HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20",
    )

    assert Comment.objects.get().ip_address == "198.51.100.20"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_a_post_another_site_makes_the_browser_send_is_refused(client, headers):
    post = make_post()

    response = client.post(
        f"/comments/post/{post.pk}/",
        {"token": token_for(post), "body": "Hi", "author_name": "A", "author_email": "a@b.net"},
        **headers,
    )

    _refused(
        response, HTTPStatus.FORBIDDEN, "Comments can only be sent from the form on this site."
    )


def test_a_post_from_the_sites_own_page_is_accepted(client):
    post = make_post()

    response = send_comment(
        client, post, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin"
    )

    assert response.status_code == HTTPStatus.SEE_OTHER
