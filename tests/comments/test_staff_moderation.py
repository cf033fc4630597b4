"""Staff answer and moderate comments in seconds: emails follow each comment's status however
it changes, staff reply from the admin, and the moderation email's links act after a
confirmation, once."""

import datetime
import re
from http import HTTPStatus
from io import StringIO

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client

from comments.models import Comment, CommentStatus
from tests.builders import make_post, make_user
from tests.comments.builders import make_comment, send_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` runs what waits for the commit at the end of the block, as the
    end of a request or transaction would (the emails are sent then)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _sent_to(mailoutbox) -> list[str]:
    return sorted(address for mail in mailoutbox for address in mail.to)


def test_approving_from_the_shell_tells_the_author_and_the_parent_once(
    settings, mailoutbox, committed
):
    settings.SITE_URL = "https://clinic.example"
    post = make_post(author=make_user(email="writer@example.com"))
    parent = make_comment(post, author_email="asker@example.net", notify_replies=True)
    with committed():
        reply = make_comment(post, parent=parent, status=CommentStatus.PENDING)
    assert mailoutbox == []

    for status in (CommentStatus.APPROVED, CommentStatus.PENDING, CommentStatus.APPROVED):
        with committed():
            reply.status = status
            reply.save()

    assert _sent_to(mailoutbox) == ["asker@example.net", "writer@example.com"]
    assert all("https://clinic.example/" in mail.body for mail in mailoutbox)
    reply.refresh_from_db()
    assert reply.notified_at is not None


def test_an_admin_approval_and_a_second_one_send_one_set(staff_client, mailoutbox, committed):
    post = make_post(author=make_user(email="writer@example.com"))
    comment = make_comment(post, status=CommentStatus.PENDING)
    changelist = "/admin/comments/comment/"

    for action in ("approve", "unapprove", "approve"):
        with committed():
            staff_client.post(changelist, {"action": action, "_selected_action": [comment.pk]})

    assert _sent_to(mailoutbox) == ["writer@example.com"]
    assert "http://testserver/" in mailoutbox[0].body
    assert LogEntry.objects.filter(object_id=str(comment.pk)).count() == 3


def test_an_import_emails_nobody(settings, mailoutbox, committed, tmp_path):
    settings.MODERATOR_EMAILS = ["mod@example.com"]
    fixture = "tests/wordpress/fixtures/clinic-1.2.xml"

    with committed():
        call_command("import_wxr", fixture, stdout=StringIO())
    with committed():
        call_command("import_wxr", fixture, stdout=StringIO())

    assert Comment.objects.approved().exists()
    assert mailoutbox == []


def test_staff_reply_from_the_admin_is_public_threaded_and_the_sites(
    staff_client, mailoutbox, committed
):
    post = make_post(slug="needling", author=make_user(email="writer@example.com"))
    question = make_comment(
        post, status=CommentStatus.PENDING, author_email="asker@example.net", notify_replies=True
    )
    url = f"/admin/comments/comment/{question.pk}/reply/"

    assert "Reply as the site" in staff_client.get(question.get_admin_url()).content.decode()
    assert staff_client.get(url).status_code == HTTPStatus.OK
    empty = staff_client.post(url, {"body": "  "})
    assert empty.status_code == HTTPStatus.BAD_REQUEST
    assert Comment.objects.count() == 1
    with committed():
        response = staff_client.post(url, {"body": "Yes, three sessions is usual."})

    reply = Comment.objects.exclude(pk=question.pk).get()
    assert response["Location"] == reply.get_admin_url()
    question.refresh_from_db()
    assert question.status == CommentStatus.APPROVED  # answering approves it
    assert (reply.parent, reply.status, reply.is_by_staff, reply.user) == (
        question, CommentStatus.APPROVED, True, staff_client.user,
    )  # fmt: skip
    assert LogEntry.objects.filter(object_id=str(reply.pk)).exists()
    html = Client().get("/needling/").content.decode()
    assert "Yes, three sessions is usual." in html
    assert '<span class="comment__badge">CosMedicList team</span>' in html
    assert "asker@example.net" in _sent_to(mailoutbox)  # the asker hears of the answer


def test_a_reply_needs_the_change_permission():
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client = Client()
    client.force_login(viewer)
    comment = make_comment(make_post(), status=CommentStatus.PENDING)

    url = f"/admin/comments/comment/{comment.pk}/reply/"
    assert client.post(url, {"body": "Sneaky"}).status_code == HTTPStatus.FORBIDDEN
    assert Comment.objects.count() == 1


def test_the_posts_author_gets_the_author_badge(client):
    author = make_user(is_staff=True)
    post = make_post(slug="needling", author=author)
    make_comment(post, is_by_staff=True, user=author, body="Thanks for reading.")

    html = client.get("/needling/").content.decode()
    assert '<span class="comment__badge">Author</span>' in html
    assert "CosMedicList team" not in html


def _links(mail) -> dict[str, str]:
    found = re.findall(r"^(Approve|Spam|Trash): (\S+)$", mail.body, re.M)
    return {name: url.removeprefix("http://testserver") for name, url in found}


@pytest.fixture
def held(client, settings, mailoutbox, committed):
    """A held comment and the moderation email about it."""
    settings.MODERATOR_EMAILS = ["mod@example.com"]
    links = " ".join(f"http://{name}.example" for name in "abc")  # more links than allowed
    with committed():
        send_comment(client, make_post(), body=f"Is it safe for dark skin? {links}")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    (mail,) = mailoutbox
    return comment, _links(mail)


def test_a_moderation_link_asks_first_then_acts_once(staff_client, held):
    comment, links = held
    assert set(links) == {"Approve", "Spam", "Trash"}

    page = staff_client.get(links["Spam"])
    assert page.status_code == HTTPStatus.OK
    assert "Mark as spam" in page.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING  # opening the link changes nothing

    response = staff_client.post(links["Spam"])
    assert response["Location"] == comment.get_admin_url()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM
    assert LogEntry.objects.filter(object_id=str(comment.pk)).count() == 1

    for link in (links["Spam"], links["Approve"]):  # used, and stale after the change
        again = staff_client.post(link)
        assert again.status_code == HTTPStatus.BAD_REQUEST
        assert "used already" in again.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM


def test_a_moderation_link_needs_a_staff_login(client, held):
    comment, links = held

    response = client.post(links["Approve"])

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/admin/login/")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_a_forged_or_expired_link_is_refused(staff_client, held):
    comment, links = held
    forged = links["Approve"].replace("/moderate/", "/moderate/x")

    assert staff_client.post(forged).status_code == HTTPStatus.BAD_REQUEST
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=8)
    with time_machine.travel(later):
        expired = staff_client.post(links["Approve"])
    assert expired.status_code == HTTPStatus.BAD_REQUEST
    assert "expired" in expired.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
