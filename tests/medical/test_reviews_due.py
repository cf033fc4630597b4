"""Reviews that fall due: the admin's overdue and due-soon lists and dashboard counts, the
staff-only notice on the public page, and the weekly reminders to each reviewer."""

import datetime
import io
from http import HTTPStatus

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from articles.models import Post
from medical.models import ReminderLog
from medical.signoffs import sign_off as record_sign_off
from tests.builders import make_post, make_reviewer, make_user
from tests.editorial.roles import CHANGELIST, role_client

from .helpers import reviewer_client, sign_off

pytestmark = pytest.mark.django_db


def _at(day: str):
    """Noon of that day, local time, with the clock standing still."""
    moment = datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(12))
    return time_machine.travel(timezone.make_aware(moment), tick=False)


def _reviewed(title: str, reviewer, day: str, months: int | None = None) -> Post:
    published = timezone.make_aware(datetime.datetime(2024, 6, 1, 9))
    post = make_post(title=title, review_interval_months=months, published_at=published)
    moment = timezone.make_aware(
        datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(12))
    )
    record_sign_off(post, reviewer, signed_at=moment)
    post.refresh_from_db()
    return post


def _titles(client, query: str) -> set[str]:
    page = client.get(CHANGELIST + query).content.decode()
    return {title for title in ("Yearly", "Half-yearly", "Fresh", "Unreviewed") if title in page}


@pytest.fixture
def due_site():
    reviewer = make_reviewer()
    _reviewed("Yearly", reviewer, "2025-01-10")  # due 2026-01-10
    _reviewed("Half-yearly", reviewer, "2025-06-20", months=6)  # due 2025-12-20
    _reviewed("Fresh", reviewer, "2025-11-01")  # due 2026-11-01
    make_post(title="Unreviewed")
    return reviewer


@pytest.mark.parametrize(
    ("day", "overdue", "soon"),
    [
        ("2025-11-15", set(), set()),
        ("2025-11-25", set(), {"Half-yearly"}),
        ("2025-12-20", set(), {"Half-yearly", "Yearly"}),
        ("2025-12-21", {"Half-yearly"}, {"Yearly"}),
        ("2026-01-11", {"Half-yearly", "Yearly"}, set()),
    ],
)
def test_the_admin_lists_overdue_and_due_soon_reviews_with_their_counts(
    due_site, day, overdue, soon
):
    editor = role_client("Editor")
    with _at(day):
        assert _titles(editor, "?due=overdue") == overdue
        assert _titles(editor, "?due=soon") == soon
        dashboard = editor.get("/admin/").content.decode()
    assert f"Review overdue: {len(overdue)}" in dashboard
    assert f"Due within 30 days: {len(soon)}" in dashboard


def test_never_reviewed_posts_have_a_filter_of_their_own(due_site):
    assert _titles(role_client("Editor"), "?due=never") == {"Unreviewed"}


def test_a_review_due_at_the_end_of_a_short_month_is_due_on_its_last_day():
    reviewer = make_reviewer()
    post = _reviewed("Yearly", reviewer, "2024-02-29")
    assert post.review_due_on == datetime.date(2025, 2, 28)
    with _at("2025-02-28"):
        assert not Post.objects.review_overdue().exists()
    with _at("2025-03-01"):
        assert list(Post.objects.review_overdue()) == [post]


def test_the_site_default_interval_is_a_setting(settings, due_site):
    settings.REVIEW_INTERVAL_MONTHS = 24
    with _at("2026-01-11"):
        assert _titles(role_client("Editor"), "?due=overdue") == {"Half-yearly"}


def test_signed_in_staff_see_review_overdue_on_the_public_page_and_readers_do_not(client):
    reviewer = make_reviewer(name="Dr Ada Stone")
    post = _reviewed("Yearly", reviewer, "2025-01-10")
    staff = role_client("Editor")
    with _at("2026-02-01"):
        reader = client.get(post.get_absolute_url())
        seen = staff.get(post.get_absolute_url())
    assert "Last reviewed" in reader.content.decode()
    assert "Review overdue" not in reader.content.decode()
    assert "Review overdue" in seen.content.decode()
    assert "no-store" in seen["Cache-Control"] or "private" in seen["Cache-Control"]
    with _at("2025-12-01"):
        assert "Review overdue" not in staff.get(post.get_absolute_url()).content.decode()


def test_a_new_sign_off_takes_the_post_off_the_overdue_list():
    reviewer = reviewer_client()
    post = _reviewed("Yearly", reviewer.reviewer, "2025-01-10")
    editor = role_client("Editor")
    with _at("2026-02-01"):
        assert _titles(editor, "?due=overdue") == {"Yearly"}
        sign_off(reviewer, post)
        assert _titles(editor, "?due=overdue") == set()
    post.refresh_from_db()
    assert post.review_due_on == datetime.date(2027, 2, 1)


def _remind(day: str) -> str:
    out = io.StringIO()
    with _at(day):
        call_command("send_review_reminders", stdout=out)
    return out.getvalue()


def test_reminders_go_once_a_week_at_most_and_only_to_reviewers_with_something_due(
    mailoutbox, settings
):
    settings.SITE_URL = "https://cosmediclist.example"
    late = make_reviewer(name="Dr Late", user=make_user(email="late@example.com", is_staff=True))
    prompt = make_reviewer(name="Dr Prompt", user=make_user(email="prompt@example.com"))
    first = _reviewed("Yearly", late, "2025-01-10")
    _reviewed("Half-yearly", late, "2025-06-20", months=6)
    _reviewed("Fresh", prompt, "2025-11-01")

    assert "Reminders sent: 1;" in _remind("2026-02-01")
    assert [message.to for message in mailoutbox] == [["late@example.com"]]
    body = mailoutbox[0].body
    assert "Yearly" in body and "Half-yearly" in body and "Fresh" not in body
    assert f"https://cosmediclist.example/admin/articles/post/{first.pk}/change/" in body

    _remind("2026-02-01")  # run again the same day
    _remind("2026-02-04")
    _remind("2026-02-07")
    assert len(mailoutbox) == 1

    _remind("2026-02-08")
    assert len(mailoutbox) == 2
    assert ReminderLog.objects.get(reviewer=late).post_count == 2
    assert all(message.to != ["prompt@example.com"] for message in mailoutbox)


def test_a_reviewer_whose_reviews_are_done_is_not_reminded(mailoutbox):
    reviewer = reviewer_client(email="ada@example.com")
    post = _reviewed("Yearly", reviewer.reviewer, "2025-01-10")
    _remind("2026-02-01")
    assert len(mailoutbox) == 1

    with _at("2026-02-03"):
        sign_off(reviewer, post)
    _remind("2026-02-09")
    _remind("2026-02-20")

    assert len(mailoutbox) == 1


def test_reviewers_without_an_account_or_an_email_are_skipped(mailoutbox):
    _reviewed("Yearly", make_reviewer(), "2025-01-10")
    _reviewed("Half-yearly", make_reviewer(user=make_user(email="")), "2025-01-10")
    assert "Reminders sent: 0;" in _remind("2026-02-01")
    assert mailoutbox == []


def test_the_change_list_shows_when_each_review_is_due(due_site):
    editor = role_client("Editor")
    with _at("2026-01-11"):
        page = editor.get(CHANGELIST).content.decode()
    assert "<strong>Overdue</strong> since 10 Jan 2026" in page
    assert "01 Nov 2026" in page
    assert editor.get(CHANGELIST + "?due=overdue").status_code == HTTPStatus.OK
