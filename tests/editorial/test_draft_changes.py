"""Changes to a live post go through review: saved as draft changes (a version, the post row
untouched), previewed by staff, published with "Publish changes". The public page, its
validators and the page cache stay on the published version until then."""

from http import HTTPStatus

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from reversion.models import Version

from articles.models import Post
from editorial.models import DraftChange, Submission, SubmissionState
from tests.builders import make_post, make_procedure, make_reference
from tests.medical.helpers import reviewer_client
from tests.medical.helpers import sign_off as medical_sign_off

from .roles import CHANGELIST, change_url, post_form, role_client

pytestmark = pytest.mark.django_db

LIVE_BODY = "<p>Microneedling needs four to six sessions.</p>"
DRAFT_BODY = "<p>Microneedling needs three to six sessions, a month apart.</p>"


def publish_changes_url(post: Post) -> str:
    return f"{CHANGELIST}{post.pk}/publish-changes/"


def refs(count: int = 0, **forms) -> dict:
    data = {
        "references-TOTAL_FORMS": str(count),
        "references-INITIAL_FORMS": "0",
    }
    for key, value in forms.items():
        data[key] = value
    return data


@pytest.fixture
def contributor():
    return role_client("Contributor")


@pytest.fixture
def live(contributor) -> Post:
    return make_post(
        author=contributor.user, title="Microneedling", slug="microneedling", body=LIVE_BODY
    )


def save_draft(user, post: Post, **fields):
    data = post_form(post, body=DRAFT_BODY, **fields)
    return user.post(change_url(post), data)


def public(client, slug: str = "microneedling"):
    response = client.get(f"/{slug}/")
    assert response.status_code == HTTPStatus.OK
    return response


def test_a_contributors_save_of_their_live_post_is_kept_as_draft_changes(client, contributor, live):
    before = public(client)

    response = save_draft(contributor, live, title="Microneedling, revised")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == change_url(live)
    live.refresh_from_db()
    assert (live.title, live.body) == ("Microneedling", LIVE_BODY)
    draft = DraftChange.objects.get(post=live)
    assert draft.saved_by == contributor.user
    assert draft.version.field_dict["body"] == DRAFT_BODY
    assert draft.version.field_dict["title"] == "Microneedling, revised"
    assert draft.version.revision.comment == "Draft changes (not public)."
    assert draft.version in Version.objects.get_for_object(live)
    assert LogEntry.objects.filter(change_message="Saved draft changes (not public).").count() == 1
    after = public(client)
    assert after.content == before.content
    assert after["ETag"] == before["ETag"]
    assert DRAFT_BODY not in after.content.decode()
    assert "Draft changes" not in after.content.decode()


def test_staff_preview_the_draft_changes_at_the_posts_address_with_a_banner(
    client, contributor, live
):
    make_reference(live, title="A live reference")
    saved = save_draft(contributor, live, **refs(1, **{
        "references-0-title": "A new trial", "references-0-position": "2",
    }))  # fmt: skip
    assert saved.status_code == HTTPStatus.FOUND
    editor = role_client("Editor")

    preview = editor.get("/microneedling/")

    page = preview.content.decode()
    assert "Draft changes — not public" in page
    assert "three to six sessions" in page
    assert "A new trial" in page
    assert "no-cache" in preview["Cache-Control"] or "max-age=0" in preview["Cache-Control"]
    assert "A new trial" not in public(client).content.decode()
    assert live.references.count() == 1


def test_reopening_the_change_form_loads_the_draft_changes_with_a_notice(contributor, live):
    save_draft(contributor, live, title="Microneedling, revised")

    form = contributor.get(change_url(live)).content.decode()

    assert 'value="Microneedling, revised"' in form
    assert "three to six sessions" in form
    assert "You are editing the draft changes" in form
    assert "Draft changes — not public" in form
    live.refresh_from_db()
    assert live.title == "Microneedling"


def test_publish_changes_applies_the_draft_as_a_new_version(client, contributor, live):
    saved = save_draft(contributor, live, **refs(1, **{
        "references-0-title": "A new trial", "references-0-position": "1",
    }))  # fmt: skip
    assert saved.status_code == HTTPStatus.FOUND
    before = public(client)
    editor = role_client("Editor")
    versions = Version.objects.get_for_object(live).count()

    response = editor.post(publish_changes_url(live))

    assert response.status_code == HTTPStatus.FOUND
    live.refresh_from_db()
    assert live.body == DRAFT_BODY
    assert list(live.references.values_list("title", flat=True)) == ["A new trial"]
    assert not DraftChange.objects.exists()
    newest = Version.objects.get_for_object(live).first()
    assert Version.objects.get_for_object(live).count() == versions + 1
    assert newest.revision.comment == "Published the draft changes."
    assert newest.revision.user == editor.user
    in_version = [v.field_dict["title"] for v in newest.revision.version_set.exclude(pk=newest.pk)]
    assert in_version == ["A new trial"]
    assert LogEntry.objects.filter(change_message="Published the draft changes.").exists()
    after = public(client)
    assert "three to six sessions" in after.content.decode()
    assert "A new trial" in after.content.decode()
    assert after["ETag"] != before["ETag"]


@pytest.mark.parametrize("role", ["Contributor", "Medical reviewer"])
def test_without_the_publish_permission_publish_changes_is_403_and_nothing_changes(
    role, client, contributor, live
):
    save_draft(contributor, live)
    user = contributor if role == "Contributor" else role_client(role)

    response = user.post(publish_changes_url(live))

    assert response.status_code == HTTPStatus.FORBIDDEN
    live.refresh_from_db()
    assert live.body == LIVE_BODY
    assert DraftChange.objects.filter(post=live).exists()
    assert LIVE_BODY in public(client).content.decode()


def test_publish_changes_is_offered_to_editors_not_to_the_contributor(contributor, live):
    save_draft(contributor, live)

    form = contributor.get(change_url(live)).content.decode()
    editors_form = role_client("Editor").get(change_url(live)).content.decode()

    assert 'value="Publish changes"' not in form
    assert "Your role cannot change the live article" in form
    assert 'name="_save_draft_changes"' in form
    assert 'value="Publish changes"' in editors_form
    assert f'action="{publish_changes_url(live)}"' in editors_form


def test_an_editor_may_save_draft_changes_too_instead_of_changing_the_live_post(client, live):
    editor = role_client("Editor")

    response = editor.post(
        change_url(live), {**post_form(live, body=DRAFT_BODY), "_save_draft_changes": "1"}
    )

    assert response.status_code == HTTPStatus.FOUND
    live.refresh_from_db()
    assert live.body == LIVE_BODY
    assert DraftChange.objects.get(post=live).saved_by == editor.user
    assert LIVE_BODY in public(client).content.decode()


def test_draft_changes_submitted_for_review_are_approved_and_published_together(
    client, contributor, live, mailoutbox, django_capture_on_commit_callbacks
):
    editor = role_client("Editor")
    data = {**post_form(live, body=DRAFT_BODY), "_submit_for_review": "1"}

    with django_capture_on_commit_callbacks(execute=True):
        response = contributor.post(change_url(live), data)

    assert response.status_code == HTTPStatus.FOUND
    submission = Submission.objects.get()
    assert submission.is_changes
    assert submission.state == SubmissionState.PENDING
    assert DraftChange.objects.get(post=live).version.revision.comment.endswith(
        "Submitted the draft changes for review."
    )
    assert [m.to for m in mailoutbox] == [[editor.user.email]]
    assert f"http://testserver/admin/articles/post/{live.pk}/change/" in mailoutbox[0].body
    assert LIVE_BODY in public(client).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        editor.post(f"{CHANGELIST}{live.pk}/review/", {"decision": "approve_publish"})

    live.refresh_from_db()
    assert live.body == DRAFT_BODY
    assert Submission.objects.get().state == SubmissionState.PUBLISHED
    assert not DraftChange.objects.exists()
    assert "three to six sessions" in public(client).content.decode()


def test_the_page_cache_keeps_the_live_page_until_the_changes_are_published(
    client, page_cache, contributor, live
):
    first = public(client).content
    save_draft(contributor, live)

    assert public(client).content == first

    role_client("Editor").post(publish_changes_url(live))

    assert "three to six sessions" in public(client).content.decode()


def test_the_change_list_filters_posts_with_draft_changes(contributor, live):
    other = make_post(title="Untouched live post")
    save_draft(contributor, live)

    listed = role_client("Editor").get(f"{CHANGELIST}?review=changes").content.decode()

    assert live.title in listed
    assert other.title not in listed


def test_publishing_changes_never_takes_over_another_posts_reference(contributor, live):
    kept = make_reference(live, title="Kept")
    dropped = make_reference(live, title="Dropped")
    data = post_form(live, body=DRAFT_BODY)
    data.update({
        "references-TOTAL_FORMS": "3", "references-INITIAL_FORMS": "2",
        "references-0-id": kept.pk, "references-0-post": live.pk,
        "references-0-title": "Kept, retitled", "references-0-position": "0",
        "references-1-id": dropped.pk, "references-1-post": live.pk,
        "references-1-title": "Dropped", "references-1-position": "1",
        "references-1-DELETE": "on",
        "references-2-title": "Added in the draft", "references-2-position": "2",
    })  # fmt: skip
    assert contributor.post(change_url(live), data).status_code == HTTPStatus.FOUND
    # Saved after the draft: it may be given the id the draft's new reference had.
    other = make_reference(make_post(), title="Another post's reference")

    role_client("Editor").post(publish_changes_url(live))

    titles = sorted(live.references.values_list("title", flat=True))
    assert titles == ["Added in the draft", "Kept, retitled"]
    other.refresh_from_db()
    assert (other.title, other.post_id) != (None, live.pk)
    assert other.title == "Another post's reference"


def test_draft_changes_of_a_signed_off_procedure_post_wait_for_a_new_sign_off(
    client, contributor, live, settings
):
    settings.SIGNOFF_REQUIRED_FOR = "procedure"
    procedure = make_procedure(name="Microneedling")
    live.procedures.add(procedure)
    doctor = reviewer_client()
    assert medical_sign_off(doctor, live).status_code == HTTPStatus.FOUND  # the live text
    save_draft(contributor, live, procedures=[procedure.pk])
    editor = role_client("Editor")

    refused = editor.post(publish_changes_url(live), follow=True)

    messages = [str(m) for m in refused.context["messages"]]
    assert any("must sign off this version" in m for m in messages), messages
    live.refresh_from_db()
    assert live.body == LIVE_BODY and DraftChange.objects.filter(post=live).exists()
    assert LIVE_BODY in public(client).content.decode()
    # The reviewer's form offers the draft changes, which are what would go live.
    assert medical_sign_off(doctor, live).status_code == HTTPStatus.FOUND
    live.refresh_from_db()
    assert live.body == LIVE_BODY  # a sign-off publishes nothing

    assert editor.post(publish_changes_url(live)).status_code == HTTPStatus.FOUND
    live.refresh_from_db()
    assert live.body == DRAFT_BODY and not DraftChange.objects.filter(post=live).exists()


def test_an_editors_direct_change_to_a_signed_off_procedure_post_is_refused_and_kept(
    client, live, settings
):
    settings.SIGNOFF_REQUIRED_FOR = "procedure"
    procedure = make_procedure(name="Microneedling")
    live.procedures.add(procedure)
    medical_sign_off(reviewer_client(), live)
    editor = role_client("Editor")
    data = post_form(live, body=DRAFT_BODY, procedures=[procedure.pk])

    refused = editor.post(change_url(live), data)

    assert refused.status_code == HTTPStatus.OK  # the form again, with the reason
    page = refused.content.decode()
    assert "must sign off this version" in page and "three to six sessions" in page
    live.refresh_from_db()
    assert live.body == LIVE_BODY
    unchanged = post_form(live, procedures=[procedure.pk], seo_title="Needling")
    saved = editor.post(change_url(live), unchanged)
    assert saved.status_code == HTTPStatus.FOUND, saved.context["adminform"].form.errors


def test_pruning_old_versions_keeps_the_version_of_pending_draft_changes(contributor, live):
    save_draft(contributor, live, title="Microneedling, revised")
    draft = DraftChange.objects.get(post=live)
    for n in range(3):
        with reversion.create_revision():
            live.excerpt = f"Edit {n}"
            live.save()

    call_command("prune_versions", "--keep=1", "--days=0", verbosity=0)

    assert DraftChange.objects.get(post=live).version == draft.version
    assert draft.version.field_dict["title"] == "Microneedling, revised"
    left = Version.objects.get_for_object(live)
    assert sorted(v.field_dict["excerpt"] for v in left) == sorted(
        ["Edit 2", draft.version.field_dict["excerpt"]]
    )
