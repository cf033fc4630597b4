import re
from http import HTTPStatus

import pytest
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.tasks import default_task_backend
from django.test import Client

from comments.models import Comment, CommentStatus
from cosmediclist.env import env_emails
from tests.builders import make_post, make_user
from tests.comments.builders import make_comment, send_comment

pytestmark = pytest.mark.django_db


def test_moderators_are_emailed_about_a_held_comment_after_commit(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MODERATOR_EMAILS = ["mod@example.com", "second@example.com"]
    post = make_post(title="Needling")

    with django_capture_on_commit_callbacks() as callbacks:
        send_comment(client, post, author_name="Jo", author_email="jo@example.net")
        assert mailoutbox == []
    for callback in callbacks:
        callback()

    comment = Comment.objects.get()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["mod@example.com", "second@example.com"]
    assert "awaiting moderation" in mail.subject
    assert f"http://testserver/admin/comments/comment/{comment.pk}/change/" in mail.body
    assert "jo@example.net" not in mail.body


def test_nobody_is_emailed_when_no_moderators_are_configured(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MODERATOR_EMAILS = []

    with django_capture_on_commit_callbacks(execute=True):
        send_comment(client, make_post())

    assert mailoutbox == []


def test_spam_and_trash_do_not_disturb_the_moderators(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MODERATOR_EMAILS = ["mod@example.com"]

    with django_capture_on_commit_callbacks(execute=True):
        send_comment(client, make_post(), leave_empty="bot")

    assert Comment.objects.get().status == CommentStatus.SPAM
    assert mailoutbox == []


def test_the_post_author_is_emailed_when_a_comment_is_approved(
    staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    author = make_user(email="writer@example.com")
    post = make_post(author=author, title="Needling")
    comment = make_comment(post, status=CommentStatus.PENDING, author_name="Jo", body="Great read")

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            "/admin/comments/comment/", {"action": "approve", "_selected_action": [comment.pk]}
        )

    assert [m.to for m in mailoutbox] == [["writer@example.com"]]
    assert "Great read" in mailoutbox[0].body
    assert post.get_absolute_url() in mailoutbox[0].body


def approve_reply_to_an_opted_in_comment(staff_client, capture_on_commit):
    """Two comments by one opted-in reader, and an approved reply to the first: the email."""
    post = make_post(author=make_user(email=""))
    parent = make_comment(post, author_email="asker@example.net", notify_replies=True)
    other = make_comment(post, author_email="Asker@Example.net", notify_replies=True)
    reply = make_comment(
        post,
        parent=parent,
        status=CommentStatus.PENDING,
        author_name="Helper",
        author_email="helper@x.net",
    )
    with capture_on_commit(execute=True):
        staff_client.post(
            "/admin/comments/comment/", {"action": "approve", "_selected_action": [reply.pk]}
        )
    return [parent.pk, other.pk]


def still_subscribed(ids) -> set[int]:
    return set(Comment.objects.filter(pk__in=ids, notify_replies=True).values_list("pk", flat=True))


def test_an_opted_in_commenter_is_told_about_a_reply_and_can_unsubscribe(
    client, staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    ids = approve_reply_to_an_opted_in_comment(staff_client, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["asker@example.net"]
    assert "Helper replied" in mail.body
    assert "helper@x.net" not in mail.body
    link = mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in mail.body
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = link.removeprefix("http://testserver")

    # Opening the link (as a mail scanner or a link preview does) only asks.
    for response in (client.get(path), client.head(path)):
        assert response.status_code == HTTPStatus.OK
        assert "no-store" in response["Cache-Control"]
    page = client.get(path).content.decode()
    assert "Stop reply emails" in page
    assert "asker@example.net" not in page.lower()
    assert still_subscribed(ids) == set(ids)

    # The button on that page posts to the same address, without a CSRF token.
    form = re.search(r'<form method="post"[^>]*>', page)
    assert form and "action=" not in form.group(0)
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(path)

    assert response.status_code == HTTPStatus.OK
    assert "You are unsubscribed" in response.content.decode()
    assert still_subscribed(ids) == set()
    # Coming back to the link later says so, without asking again.
    assert "You are unsubscribed" in client.get(path).content.decode()


def test_a_mail_clients_one_click_unsubscribe_works_without_a_page(
    client, staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    ids = approve_reply_to_an_opted_in_comment(staff_client, django_capture_on_commit_callbacks)
    path = mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = path.removeprefix("http://testserver")

    response = Client(enforce_csrf_checks=True).post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == HTTPStatus.OK
    assert still_subscribed(ids) == set()


def test_a_tampered_unsubscribe_link_changes_nothing(client):
    post = make_post()
    parent = make_comment(post, notify_replies=True)
    token = signing.dumps(parent.pk, salt="comments.unsubscribe")

    for response in (
        client.get("/comments/unsubscribe/1:tampered/"),
        client.post("/comments/unsubscribe/1:tampered/"),
        client.post(f"/comments/unsubscribe/{token[:-2]}xx/"),
        client.post(f"/comments/unsubscribe/{signing.dumps(parent.pk)}/"),  # wrong salt
    ):
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "This link does not work" in response.content.decode()
    parent.refresh_from_db()
    assert parent.notify_replies


def test_commenters_who_did_not_opt_in_get_no_reply_emails(
    staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    post = make_post(author=make_user(email=""))
    parent = make_comment(post, notify_replies=False)
    reply = make_comment(post, parent=parent, status=CommentStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            "/admin/comments/comment/", {"action": "approve", "_selected_action": [reply.pk]}
        )

    assert mailoutbox == []


def test_notifications_go_through_the_tasks_framework(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    settings.MODERATOR_EMAILS = ["mod@example.com"]

    with django_capture_on_commit_callbacks(execute=True):
        send_comment(client, make_post())

    assert mailoutbox == []
    [result] = default_task_backend.results
    assert result.task.name == "notify_moderators"
    assert result.args[0] == Comment.objects.get().pk


def test_moderator_emails_are_parsed_strictly(monkeypatch):
    monkeypatch.setenv("MODERATOR_EMAILS", "a@example.com, b@example.org")
    assert env_emails("MODERATOR_EMAILS") == ["a@example.com", "b@example.org"]

    monkeypatch.setenv("MODERATOR_EMAILS", "a@example.com; b@example.org")
    with pytest.raises(ImproperlyConfigured, match="MODERATOR_EMAILS"):
        env_emails("MODERATOR_EMAILS")


def test_a_staff_reply_tells_the_opted_in_commenter_at_once(
    client, staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    post = make_post(author=staff_client.user)
    parent = make_comment(post, author_email="asker@example.net", notify_replies=True)

    with django_capture_on_commit_callbacks(execute=True):
        send_comment(staff_client, post, parent=str(parent.pk), author_name="Editor")

    assert [m.to for m in mailoutbox] == [["asker@example.net"]]
    assert "Editor replied" in mailoutbox[0].body
