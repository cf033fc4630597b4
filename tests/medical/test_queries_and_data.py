"""The change list with the review columns costs the same queries with few posts or many; the
demo content and imports record their reviews as sign-offs."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Post
from medical.models import SignOff
from medical.signoffs import sign_off
from tests.builders import make_post, make_procedure, make_reference, make_reviewer
from tests.editorial.roles import CHANGELIST, role_client

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _add_posts(count: int, reviewer) -> None:
    for n in range(count):
        post = make_post(procedures=[make_procedure()])
        make_reference(post)
        make_reference(post)
        sign_off(post, reviewer)
        if n % 2:
            Post.objects.filter(pk=post.pk).update(body="<p>Changed since.</p>")


@pytest.mark.parametrize("query", ["", "?signoff=changed", "?signoff=current", "?due=soon"])
def test_change_list_queries_with_the_review_columns_do_not_grow_with_the_posts(query):
    client = role_client("Editor")
    reviewer = make_reviewer()
    _add_posts(2, reviewer)
    client.get(CHANGELIST + query)  # caches filled once per process (content types)
    few = _queries(client, CHANGELIST + query)

    _add_posts(10, reviewer)

    assert _queries(client, CHANGELIST + query) == few


def test_the_demo_content_records_its_reviews_as_sign_offs_once():
    call_command("seed_demo", stdout=io.StringIO())
    reviewed = Post.objects.filter(reviewed_by__isnull=False)
    assert reviewed.exists()
    count = SignOff.objects.count()
    assert count == reviewed.count()
    for post in reviewed:
        latest = post.signoffs.get()
        assert latest.reviewer_id == post.reviewed_by_id and latest.user is None

    call_command("seed_demo", stdout=io.StringIO())

    assert SignOff.objects.count() == count


def test_an_import_records_each_review_as_a_sign_off_of_the_imported_text(tmp_path, settings):
    from tests.wordpress.helpers import run_import
    from tests.wordpress.test_round_trip import empty_the_site

    call_command("seed_demo", stdout=io.StringIO())
    before = dict(
        Post.objects.filter(reviewed_by__isnull=False).values_list("slug", "last_reviewed_on")
    )
    target = tmp_path / "site.xml"
    call_command("export_wxr", str(target), "--site-url", "https://cosmediclist.example",
                 stdout=io.StringIO())  # fmt: skip
    empty_the_site()

    run_import(target)
    run_import(target)  # idempotent: no second record

    after = Post.objects.filter(reviewed_by__isnull=False)
    assert dict(after.values_list("slug", "last_reviewed_on")) == before
    assert SignOff.objects.count() == len(before)
    client = role_client("Editor")
    page = client.get(CHANGELIST).content.decode()
    assert page.count("Signed off</td>") == len(before)
    assert 'class="review-changed"' not in page


def test_the_migration_turns_the_old_review_fields_into_sign_offs_of_the_current_text():
    import datetime
    import importlib

    from django.apps import apps

    from medical.signoffs import text_digest

    migration = importlib.import_module("medical.migrations.0002_signoffs_from_review_fields")
    reviewer = make_reviewer()
    dated = make_post(reviewed_by=reviewer, last_reviewed_on=datetime.date(2025, 4, 1))
    make_reference(dated, title="A trial")
    undated = make_post(reviewed_by=reviewer)
    make_post()  # never reviewed

    migration.forwards(apps, None)

    assert SignOff.objects.count() == 2
    record = SignOff.objects.get(post=dated)
    assert record.reviewer == reviewer and record.user is None
    assert record.text_digest == text_digest(dated)
    dated.refresh_from_db()
    assert dated.last_reviewed_on == datetime.date(2025, 4, 1)
    undated.refresh_from_db()
    assert undated.last_reviewed_on == timezone.localdate(
        SignOff.objects.get(post=undated).signed_at
    )
