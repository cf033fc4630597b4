"""Holes found in review of the comment endpoint, each tried as an attacker would."""

import logging
from http import HTTPStatus

import pytest

from comments.models import Comment, CommentStatus
from tests.builders import make_post
from tests.comments.builders import form_data, make_comment, send_comment

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_is_held_to_the_flood_limit(client):
    post = make_post()

    statuses = [
        send_comment(
            client, post, ip="198.51.100.7", leave_empty="http://spam.example/"
        ).status_code
        for _ in range(5)
    ]

    assert statuses == [HTTPStatus.SEE_OTHER] + [HTTPStatus.TOO_MANY_REQUESTS] * 4
    assert Comment.objects.get().status == CommentStatus.SPAM


def test_a_filled_honeypot_is_held_to_the_duplicate_rule(client):
    post = make_post()
    make_comment(post, author_email="bot@example.net", body="Buy now", status=CommentStatus.SPAM)

    response = send_comment(
        client, post, author_email="bot@example.net", body="Buy now", leave_empty="x"
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "value", ["not-an-ip", "1.2.3.4, <script>", "999.1.1.1", "1.2.3.4, ", "::ffff:zz"]
)
def test_a_client_ip_header_that_is_no_address_is_ignored_and_logged(
    client, settings, caplog, value
):
    settings.COMMENTS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    post = make_post()

    with caplog.at_level(logging.WARNING, logger="security"):
        response = send_comment(client, post, ip="203.0.113.5", HTTP_X_FORWARDED_FOR=value)

    assert response.status_code == HTTPStatus.SEE_OTHER
    assert Comment.objects.get().ip_address == "203.0.113.5"
    assert any("HTTP_X_FORWARDED_FOR" in r.getMessage() for r in caplog.records)


def test_an_ipv6_client_address_in_the_header_is_kept(client, settings):
    settings.COMMENTS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    post = make_post()

    send_comment(client, post, ip="203.0.113.5", HTTP_X_FORWARDED_FOR="10.0.0.1, 2001:db8::1")

    assert Comment.objects.get().ip_address == "2001:db8::1"


def test_a_body_over_the_limit_is_413_with_a_message(client, settings):
    settings.COMMENTS_MAX_REQUEST_BYTES = 20_000
    post = make_post()
    data = form_data(post, body="A" * 30_000)

    response = client.post(f"/comments/post/{post.pk}/", data, REMOTE_ADDR="203.0.113.9")

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert "too large" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_file_in_the_comment_form_is_413_and_never_stored(client, tmp_path, settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    post = make_post()
    upload = tmp_path / "big.bin"
    upload.write_bytes(b"\0" * 5_000)

    with upload.open("rb") as handle:
        response = client.post(
            f"/comments/post/{post.pk}/",
            {**form_data(post), "file": handle},
            REMOTE_ADDR="203.0.113.9",
        )

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert "Files cannot be sent with a comment" in response.content.decode()
    assert not Comment.objects.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["big.bin"]
