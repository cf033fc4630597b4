"""The review queue (the change list's review filter and the header's count) costs the same
number of queries with few submissions or many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from editorial.models import Submission, SubmissionState
from tests.builders import make_category, make_post, make_reference, make_user

from .roles import CHANGELIST, role_client

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    assert "Pending review:" in response.content.decode()
    return len(captured)


def _submit(count: int) -> None:
    writer = make_user()
    for n in range(count):
        post = make_post(author=writer, published_at=None, categories=[make_category()])
        make_reference(post)
        state = SubmissionState.PENDING if n % 2 == 0 else SubmissionState.SENT_BACK
        Submission.objects.create(
            post=post, state=state, submitted_by=writer, submitted_at=timezone.now()
        )


@pytest.mark.parametrize("query", ["", "?review=pending", "?review=sent_back", "?review=changes"])
def test_the_review_queue_queries_do_not_grow_with_the_number_of_submissions(query):
    editor = role_client("Editor")
    _submit(2)
    editor.get(CHANGELIST + query)  # caches filled once per process (content types)
    few = _queries(editor, CHANGELIST + query)

    _submit(12)

    assert _queries(editor, CHANGELIST + query) == few


def test_the_change_form_of_a_post_with_draft_changes_costs_the_same_with_more_references():
    from .roles import change_url, post_form

    contributor = role_client("Contributor")

    def with_draft(references: int):
        post = make_post(author=contributor.user)
        for _ in range(references):
            make_reference(post)
        response = contributor.post(change_url(post), post_form(post, body="<p>Draft.</p>"))
        assert response.status_code == 302
        return post

    small, large = with_draft(1), with_draft(6)
    contributor.get(change_url(small))  # caches filled once per process (content types)

    def count(post) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = contributor.get(change_url(post))
        assert "You are editing the draft changes" in response.content.decode()
        return len(captured)

    assert count(large) == count(small)
