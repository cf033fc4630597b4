import datetime
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from comments.models import Comment, CommentStatus, ModerationTerm, TermKind
from comments.privacy import ANONYMOUS, REMOVED_BODY
from tests.builders import make_post
from tests.comments.builders import make_comment

pytestmark = pytest.mark.django_db

EMAIL = "Private.Person@example.net"


def _call(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _people_on_two_posts():
    first, second = make_post(title="First"), make_post(title="Second")
    mine = [
        make_comment(first, author_email=EMAIL, author_name="Pat", ip_address="192.0.2.1"),
        make_comment(second, author_email=EMAIL.lower(), author_url="https://pat.example/"),
        make_comment(
            second, author_email=EMAIL, status=CommentStatus.PENDING, user_agent="Agent/1"
        ),
    ]
    other = make_comment(first, author_email="someone@example.net", body="Not mine")
    return mine, other


def test_export_prints_every_comment_of_that_email_as_json():
    mine, _ = _people_on_two_posts()

    data = json.loads(_call("export_personal_data", EMAIL.upper()))

    assert [c["id"] for c in data["comments"]] == [c.pk for c in mine]
    assert {c["post"] for c in data["comments"]} == {"First", "Second"}
    assert data["comments"][0]["ip_address"] == "192.0.2.1"
    assert data["comments"][1]["website"] == "https://pat.example/"
    assert "Not mine" not in json.dumps(data)


def test_erase_anonymises_and_the_email_appears_nowhere_in_the_database():
    mine, _ = _people_on_two_posts()
    ModerationTerm.objects.create(term=EMAIL, kind=TermKind.MODERATE)

    output = _call("erase_personal_data", EMAIL)

    assert "Anonymised 3 comment(s)" in output
    for comment in Comment.objects.filter(pk__in=[c.pk for c in mine]):
        assert comment.author_name == ANONYMOUS
        assert (comment.author_email, comment.author_url, comment.user_agent) == ("", "", "")
        assert comment.ip_address is None
    assert Comment.objects.get(pk=mine[0].pk).body == mine[0].body
    dump = _call("dumpdata").lower()
    assert EMAIL.lower() not in dump
    assert "192.0.2.1" not in dump
    assert "someone@example.net" in dump


def test_erase_can_remove_the_bodies_too():
    mine, _ = _people_on_two_posts()

    _call("erase_personal_data", EMAIL, "--remove-body")

    assert set(
        Comment.objects.filter(pk__in=[c.pk for c in mine]).values_list("body", flat=True)
    ) == {REMOVED_BODY}


def test_erasing_approved_comments_touches_their_posts():
    mine, _ = _people_on_two_posts()
    post = mine[0].post
    before = type(post).objects.get(pk=post.pk).changed_at

    _call("erase_personal_data", EMAIL)

    assert type(post).objects.get(pk=post.pk).changed_at > before


def test_purge_removes_ips_and_agents_older_than_the_retention_period(settings):
    post = make_post()
    now = timezone.now()
    old = make_comment(
        post, ip_address="192.0.2.1", user_agent="Old", created_at=now - datetime.timedelta(days=31)
    )
    recent = make_comment(
        post, ip_address="192.0.2.2", user_agent="New", created_at=now - datetime.timedelta(days=29)
    )

    output = _call("purge_comment_ips")

    old.refresh_from_db()
    recent.refresh_from_db()
    assert "1 comment(s)" in output
    assert (old.ip_address, old.user_agent) == (None, "")
    assert (recent.ip_address, recent.user_agent) == ("192.0.2.2", "New")


def test_the_retention_period_is_a_setting(settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 7
    post = make_post()
    comment = make_comment(post, ip_address="192.0.2.1")

    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        _call("purge_comment_ips")

    comment.refresh_from_db()
    assert comment.ip_address is None


def test_export_and_erase_are_admin_actions_too(staff_client):
    mine, other = _people_on_two_posts()

    export = staff_client.post(
        "/admin/comments/comment/",
        {"action": "export_personal_data", "_selected_action": [mine[0].pk]},
    )
    staff_client.post(
        "/admin/comments/comment/",
        {"action": "erase_personal_data", "_selected_action": [mine[0].pk]},
    )

    [person] = json.loads(export.content)
    assert export["Content-Disposition"] == 'attachment; filename="personal-data.json"'
    assert len(person["comments"]) == 3
    assert not Comment.objects.by_email(EMAIL).exists()
    assert Comment.objects.filter(author_name=ANONYMOUS).count() == 3
    assert Comment.objects.get(pk=other.pk).author_email == "someone@example.net"


def test_avatars_are_initials_from_the_name_only():
    comment = make_comment(make_post(), author_name="priya sharma-jones", author_email=EMAIL)

    assert comment.initials == "PS"
    assert Comment(author_name="Jo").initials == "J"
    assert Comment(author_name="  ").initials == "?"
