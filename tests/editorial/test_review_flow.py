"""Submit for review, send back with a note, approve, approve and publish: through the admin's
own forms, with the stored state, the emails and what the public sees at every step."""

from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from articles.models import Post
from editorial.models import Submission, SubmissionState
from tests.builders import make_post

from .roles import CHANGELIST, action, change_url, post_form, role_client

pytestmark = pytest.mark.django_db

ADD = "/admin/articles/post/add/"


def review_url(post: Post) -> str:
    return f"{CHANGELIST}{post.pk}/review/"


@pytest.fixture
def team():
    """An Editor and a Medical reviewer, who are told about submissions, and an Author, who is
    not."""
    return {
        "editor": role_client("Editor"),
        "medical": role_client("Medical reviewer"),
        "author": role_client("Author"),
    }


def submitted_draft(contributor, captured, **fields) -> Post:
    data = post_form(title="Retinol basics", slug="retinol-basics", **fields)
    with captured(execute=True):
        response = contributor.post(ADD, {**data, "_submit_for_review": "1"})
    assert response.status_code == HTTPStatus.FOUND
    return Post.objects.get(slug="retinol-basics")


def test_a_contributor_submits_a_draft_and_the_editors_and_medical_reviewers_get_a_link(
    client, team, mailoutbox, django_capture_on_commit_callbacks
):
    contributor = role_client("Contributor")

    post = submitted_draft(contributor, django_capture_on_commit_callbacks)

    submission = Submission.objects.get()
    assert (submission.post, submission.state) == (post, SubmissionState.PENDING)
    assert submission.submitted_by == contributor.user
    assert not submission.is_changes
    assert post.published_at is None
    assert LogEntry.objects.filter(object_id=str(post.pk), change_message="Submitted for review.")
    assert Version.objects.get_for_object(post).first().revision.comment == "Submitted for review."
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == sorted([team["editor"].user.email, team["medical"].user.email])
    assert f"http://testserver/admin/articles/post/{post.pk}/change/" in message.body
    assert "Retinol basics" in message.subject
    assert client.get("/retinol-basics/").status_code == HTTPStatus.NOT_FOUND


def test_the_review_queue_is_a_filter_and_a_count_in_the_admin_header(
    team, django_capture_on_commit_callbacks
):
    contributor = role_client("Contributor")
    post = submitted_draft(contributor, django_capture_on_commit_callbacks)
    other = make_post(published_at=None, title="Not submitted")
    editor = team["editor"]

    queue = editor.get(f"{CHANGELIST}?review=pending").content.decode()

    assert "Pending review: 1" in queue
    assert post.title in queue
    assert other.title not in queue
    assert "Pending review:" in team["medical"].get(CHANGELIST).content.decode()
    assert "Pending review:" not in contributor.get(CHANGELIST).content.decode()


def test_an_editor_sends_it_back_with_a_note_that_the_writer_is_emailed_and_shown(
    client, team, mailoutbox, django_capture_on_commit_callbacks
):
    contributor = role_client("Contributor")
    post = submitted_draft(contributor, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    note = "Please cite a trial for the 12-week claim."

    with django_capture_on_commit_callbacks(execute=True):
        response = team["editor"].post(review_url(post), {"decision": "send_back", "note": note})

    assert response.status_code == HTTPStatus.FOUND
    submission = Submission.objects.get()
    assert submission.state == SubmissionState.SENT_BACK
    assert (submission.note, submission.decided_by) == (note, team["editor"].user)
    assert LogEntry.objects.filter(change_message=f"Sent back to the writer: {note}").exists()
    assert Version.objects.get_for_object(post).first().revision.comment.startswith("Sent back")
    assert [m.to for m in mailoutbox] == [[contributor.user.email]]
    assert note in mailoutbox[0].body
    assert f"http://testserver/admin/articles/post/{post.pk}/change/" in mailoutbox[0].body
    assert note in contributor.get(change_url(post)).content.decode()
    assert client.get("/retinol-basics/").status_code == HTTPStatus.NOT_FOUND

    # Sent back, it may be submitted again.
    with django_capture_on_commit_callbacks(execute=True):
        again = contributor.post(change_url(post), {**post_form(post), "_submit_for_review": "1"})
    assert again.status_code == HTTPStatus.FOUND
    assert Submission.objects.filter(state=SubmissionState.PENDING).count() == 1


def test_sending_back_without_a_note_is_refused_and_nothing_changes(
    team, mailoutbox, django_capture_on_commit_callbacks
):
    post = submitted_draft(role_client("Contributor"), django_capture_on_commit_callbacks)
    mailoutbox.clear()

    response = team["editor"].post(review_url(post), {"decision": "send_back", "note": " "})

    assert response.status_code == HTTPStatus.FOUND
    assert Submission.objects.get().state == SubmissionState.PENDING
    assert mailoutbox == []


def test_an_approved_post_stays_unpublished_until_an_editor_publishes_it(
    client, team, mailoutbox, django_capture_on_commit_callbacks
):
    contributor = role_client("Contributor")
    post = submitted_draft(contributor, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    editor = team["editor"]

    with django_capture_on_commit_callbacks(execute=True):
        approved = editor.post(review_url(post), {"decision": "approve"})

    assert approved.status_code == HTTPStatus.FOUND
    submission = Submission.objects.get()
    assert (submission.state, submission.decided_by) == (SubmissionState.APPROVED, editor.user)
    assert [m.to for m in mailoutbox] == [[contributor.user.email]]
    assert "Approved" in mailoutbox[0].subject
    assert LogEntry.objects.filter(change_message="Approved for publishing.").exists()
    assert client.get("/retinol-basics/").status_code == HTTPStatus.NOT_FOUND
    assert "?review=approved" in editor.get(CHANGELIST).content.decode()
    assert post.title in editor.get(f"{CHANGELIST}?review=approved").content.decode()

    assert action(editor, "publish_now", post).status_code == HTTPStatus.FOUND

    post.refresh_from_db()
    assert post.is_live
    assert Submission.objects.get().state == SubmissionState.PUBLISHED
    assert client.get("/retinol-basics/").status_code == HTTPStatus.OK


def test_approve_and_publish_puts_the_post_live_at_once(
    client, team, mailoutbox, django_capture_on_commit_callbacks
):
    contributor = role_client("Contributor")
    post = submitted_draft(contributor, django_capture_on_commit_callbacks)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = team["editor"].post(review_url(post), {"decision": "approve_publish"})

    assert response.status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    assert post.is_live
    submission = Submission.objects.get()
    assert (submission.state, submission.decided_by) == (
        SubmissionState.PUBLISHED,
        team["editor"].user,
    )
    assert LogEntry.objects.filter(object_id=str(post.pk), change_message="Published.").exists()
    assert [m.to for m in mailoutbox] == [[contributor.user.email]]
    assert "Approved and published" in mailoutbox[0].subject
    page = client.get("/retinol-basics/")
    assert page.status_code == HTTPStatus.OK
    assert "Retinol basics" in page.content.decode()


@pytest.mark.parametrize("role", ["Contributor", "Author", "Medical reviewer"])
@pytest.mark.parametrize("decision", ["send_back", "approve", "approve_publish"])
def test_only_an_editor_decides_anyone_else_gets_403_and_nothing_changes(
    role, decision, client, mailoutbox, django_capture_on_commit_callbacks
):
    contributor = role_client("Contributor")
    post = submitted_draft(contributor, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    # The writer themselves, or someone else with the role.
    user = contributor if role == "Contributor" else role_client(role)
    logged = LogEntry.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = user.post(review_url(post), {"decision": decision, "note": "No."})

    assert response.status_code == HTTPStatus.FORBIDDEN
    post.refresh_from_db()
    assert post.published_at is None
    assert Submission.objects.get().state == SubmissionState.PENDING
    assert LogEntry.objects.count() == logged
    assert mailoutbox == []
    assert client.get("/retinol-basics/").status_code == HTTPStatus.NOT_FOUND


def test_the_decision_buttons_are_shown_to_editors_only(team, django_capture_on_commit_callbacks):
    contributor = role_client("Contributor")
    post = submitted_draft(contributor, django_capture_on_commit_callbacks)

    editor_form = team["editor"].get(change_url(post)).content.decode()
    writer_form = contributor.get(change_url(post)).content.decode()

    assert 'value="approve_publish"' in editor_form
    assert 'value="send_back"' in editor_form
    assert 'value="approve"' not in writer_form
    assert "Pending review" in writer_form
    assert 'name="_submit_for_review"' not in writer_form  # already in review
