"""What each editorial role may do, through the real admin views."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Post
from editorial.roles import ROLES
from tests.builders import image_bytes, make_post, make_reference, make_user

from .roles import CHANGELIST, action, change_url, post_form, role_client

pytestmark = pytest.mark.django_db


def test_migrate_creates_the_four_roles_with_their_permissions():
    def codes(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)
    assert {"add_post", "change_post"} <= codes("Contributor")
    assert not {"publish_post", "upload_image", "delete_post"} & codes("Contributor")
    assert {"publish_post", "upload_image"} <= codes("Author")
    assert "edit_others_posts" not in codes("Author")
    assert {"edit_others_posts", "delete_post", "change_page", "change_redirect",
            "change_comment", "change_category"} <= codes("Editor")  # fmt: skip
    assert {"view_post", "view_page"} <= codes("Medical reviewer")
    assert not {"change_post", "publish_post"} & codes("Medical reviewer")


@pytest.mark.parametrize("name", ["publish_now", "unpublish"])
def test_a_view_only_user_posting_a_publishing_action_gets_403_and_nothing_changes(name):
    viewer = role_client(None, "articles.view_post")
    draft = make_post(published_at=None)
    live = make_post()

    response = action(viewer, name, draft, live)

    assert response.status_code == HTTPStatus.FORBIDDEN
    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.published_at is None
    assert live.is_live
    assert not LogEntry.objects.exists()


def test_a_contributor_writes_a_draft_as_themselves_and_cannot_publish_it():
    contributor = role_client("Contributor")
    other = make_user()

    refused = contributor.post(
        "/admin/articles/post/add/",
        post_form(published_at_0="2026-01-01", published_at_1="10:00:00", author=other.pk),
    )
    assert refused.status_code == HTTPStatus.OK
    assert "Your role cannot publish or schedule posts" in refused.content.decode()
    assert not Post.objects.exists()

    saved = contributor.post("/admin/articles/post/add/", post_form(author=other.pk))
    assert saved.status_code == HTTPStatus.FOUND
    post = Post.objects.get()
    assert post.author == contributor.user
    assert post.published_at is None


def test_a_contributor_is_not_offered_the_publishing_actions_and_posting_them_is_refused():
    contributor = role_client("Contributor")
    own = make_post(author=contributor.user, published_at=None)

    page = contributor.get(CHANGELIST).content.decode()
    assert 'value="publish_now"' not in page
    assert 'value="unpublish"' not in page
    assert action(contributor, "publish_now", own).status_code == HTTPStatus.FORBIDDEN
    own.refresh_from_db()
    assert own.published_at is None


@pytest.mark.parametrize("role", ["Contributor", "Author"])
def test_someone_elses_post_is_read_only_and_a_post_to_it_is_refused(role):
    writer = role_client(role)
    theirs = make_post(title="Not yours", published_at=None)
    make_reference(theirs, title="A cited trial")

    page = writer.get(change_url(theirs))
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert 'name="title"' not in html  # shown, not editable
    assert 'name="references-0-title"' not in html
    assert "Not yours" in html
    assert "A cited trial" in html
    own = make_post(author=writer.user, published_at=None)
    make_reference(own)
    assert 'name="references-0-title"' in writer.get(change_url(own)).content.decode()

    response = writer.post(change_url(theirs), post_form(theirs, title="Taken over"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    theirs.refresh_from_db()
    assert theirs.title == "Not yours"


@pytest.mark.parametrize("role", ["Contributor", "Author"])
def test_a_writer_cannot_change_the_author_of_their_own_post(role):
    writer = role_client(role)
    own = make_post(author=writer.user, published_at=None)
    other = make_user()

    response = writer.post(change_url(own), post_form(own, author=other.pk, title="Edited"))

    assert response.status_code == HTTPStatus.FOUND
    own.refresh_from_db()
    assert own.title == "Edited"
    assert own.author == writer.user


def test_a_contributor_cannot_change_or_trash_their_post_once_it_is_published():
    contributor = role_client("Contributor")
    live = make_post(author=contributor.user, title="Live")

    # Their save of the live post is kept as draft changes for an editor (tests/editorial/
    # test_draft_changes.py); the post itself stays as it is.
    response = contributor.post(change_url(live), post_form(live, title="Changed"))
    assert response.status_code == HTTPStatus.FOUND
    trash = contributor.post(f"{CHANGELIST}{live.pk}/delete/", {"post": "yes"})
    assert trash.status_code == HTTPStatus.FORBIDDEN
    live.refresh_from_db()
    assert live.title == "Live"
    assert not live.is_trashed


def test_an_author_publishes_their_own_posts_but_not_anyone_elses():
    author = role_client("Author")
    own = make_post(author=author.user, published_at=None)
    theirs = make_post(published_at=None)

    assert action(author, "publish_now", own, theirs).status_code == HTTPStatus.FORBIDDEN
    own.refresh_from_db()
    assert own.published_at is None  # all or nothing

    assert action(author, "publish_now", own).status_code == HTTPStatus.FOUND
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert own.is_live
    assert theirs.published_at is None


def test_an_author_schedules_their_own_post_from_the_change_form_and_it_is_logged():
    author = role_client("Author")
    own = make_post(author=author.user, published_at=None)
    later = timezone.localtime() + datetime.timedelta(days=2)

    response = author.post(
        change_url(own),
        post_form(own, published_at_0=f"{later:%Y-%m-%d}", published_at_1=f"{later:%H:%M:%S}"),
    )

    assert response.status_code == HTTPStatus.FOUND
    own.refresh_from_db()
    assert own.status == "scheduled"
    messages = [entry.get_change_message() for entry in LogEntry.objects.filter(object_id=own.pk)]
    assert any(message.startswith("Scheduled for") for message in messages)


def test_an_editor_publishes_anyones_posts_and_changes_their_author():
    editor = role_client("Editor")
    theirs = make_post(published_at=None)
    other = make_user()

    response = editor.post(change_url(theirs), post_form(theirs, author=other.pk))
    assert response.status_code == HTTPStatus.FOUND
    assert action(editor, "publish_now", theirs).status_code == HTTPStatus.FOUND
    theirs.refresh_from_db()
    assert theirs.author == other
    assert theirs.is_live


def test_bulk_actions_save_each_post_and_log_each_one():
    editor = role_client("Editor")
    drafts = [make_post(published_at=None) for _ in range(3)]
    before = {post.pk: post.changed_at for post in drafts}

    action(editor, "publish_now", *drafts)
    action(editor, "unpublish", drafts[0])

    for post in drafts:
        post.refresh_from_db()
        assert post.changed_at > before[post.pk]  # through save()
    entries = LogEntry.objects.filter(user=editor.user)
    messages = sorted(entry.get_change_message() for entry in entries)
    assert messages.count("Published (bulk action).") == 3
    assert messages.count("Unpublished (back to draft) (bulk action).") == 1
    assert {int(entry.object_id) for entry in entries} == {post.pk for post in drafts}


def test_a_medical_reviewer_sees_every_draft_read_only_and_cannot_publish():
    reviewer = role_client("Medical reviewer")
    draft = make_post(title="Under review", published_at=None)

    page = reviewer.get(change_url(draft))
    assert page.status_code == HTTPStatus.OK
    assert 'name="title"' not in page.content.decode()
    assert reviewer.get(draft.get_absolute_url()).status_code == HTTPStatus.OK  # preview
    assert action(reviewer, "publish_now", draft).status_code == HTTPStatus.FORBIDDEN
    draft.refresh_from_db()
    assert draft.published_at is None


def test_previews_of_drafts_need_the_view_permission():
    draft = make_post(published_at=None)

    assert role_client(None).get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert role_client("Contributor").get(draft.get_absolute_url()).status_code == HTTPStatus.OK


@pytest.mark.parametrize(("role", "status"), [("Contributor", 403), ("Author", 200), (None, 403)])
def test_uploading_images_needs_the_upload_permission(role, status):
    client = role_client(role)
    upload = SimpleUploadedFile("photo.png", image_bytes("PNG"), content_type="image/png")

    response = client.post("/ckeditor5/image_upload/", {"upload": upload})

    assert response.status_code == status


def test_the_change_list_shows_a_writer_their_own_posts_first():
    author = role_client("Author")
    old_own = make_post(author=author.user, title="Mine, older")
    make_post(title="Someone else's, newest")
    make_post(author=author.user, title="Mine, newer")
    assert old_own.published_at

    titles = [post.title for post in author.get(CHANGELIST).context["cl"].result_list]

    assert titles == ["Mine, newer", "Mine, older", "Someone else's, newest"]
