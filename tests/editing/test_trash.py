"""The trash, through the admin: out of every public place at once, 410 at its address, its
comments kept; restored, back everywhere; deleted for good only from the trash, by Editors;
emptied of what has been there too long by `empty_trash`."""

import datetime
import io
from http import HTTPStatus

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.core.management import call_command
from django.utils import timezone

from articles.models import Page, Post
from comments.models import Comment
from tests.builders import make_page, make_post
from tests.comments.builders import make_comment
from tests.editorial.roles import CHANGELIST, action, role_client

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = ["/", "/feed/", "/feed/atom/", "/sitemap.xml", "/search/?q=hyaluronic"]


def _listed_in(client, post: Post) -> list[str]:
    return [url for url in PUBLIC_LISTS if post.slug in client.get(url).content.decode()]


def _trash(client, post: Post):
    return client.post(f"{CHANGELIST}{post.pk}/delete/", {"post": "yes"})


def test_a_trashed_live_post_is_gone_from_everywhere_and_restoring_brings_it_back(client):
    editor = role_client("Editor")
    post = make_post(slug="hyaluronic-fillers", title="Hyaluronic fillers explained")
    comment = make_comment(post, body="Very helpful, thank you.")
    assert _listed_in(client, post) == PUBLIC_LISTS

    assert _trash(editor, post).status_code == HTTPStatus.FOUND

    post.refresh_from_db()
    assert post.is_trashed
    gone = client.get(post.get_absolute_url())
    assert gone.status_code == HTTPStatus.GONE
    assert "is no longer published" in gone.content.decode()
    assert _listed_in(client, post) == []
    assert Comment.objects.filter(pk=comment.pk).exists()
    entry = LogEntry.objects.get(object_id=post.pk)
    assert entry.get_change_message() == "Moved to the trash."

    response = action(editor, "restore_from_trash", post, url=f"{CHANGELIST}?trash=trash")

    assert response.status_code == HTTPStatus.FOUND
    page = client.get(post.get_absolute_url())
    assert page.status_code == HTTPStatus.OK
    assert "Very helpful, thank you." in page.content.decode()
    assert _listed_in(client, post) == PUBLIC_LISTS
    messages = [e.get_change_message() for e in LogEntry.objects.filter(object_id=post.pk)]
    assert "Restored from the trash." in messages


def test_the_change_list_hides_the_trash_unless_asked_for_it():
    editor = role_client("Editor")
    kept = make_post(title="Kept")
    trashed = make_post(title="Thrown away")
    trashed.move_to_trash()

    def titles(url):
        return [post.title for post in editor.get(url).context["cl"].result_list]

    assert titles(CHANGELIST) == ["Kept"]
    assert titles(f"{CHANGELIST}?trash=trash") == ["Thrown away"]
    assert kept.trashed_at is None


def test_the_delete_action_moves_to_the_trash_and_deletes_for_good_only_from_it():
    editor = role_client("Editor")
    post = make_post()
    make_comment(post)
    data = {"post": "yes"}

    action(editor, "delete_selected", post, **data)
    post.refresh_from_db()
    assert post.is_trashed
    assert not LogEntry.objects.filter(action_flag=DELETION).exists()

    action(editor, "delete_selected", post, url=f"{CHANGELIST}?trash=trash", **data)
    assert not Post.objects.filter(pk=post.pk).exists()
    assert LogEntry.objects.filter(action_flag=DELETION, object_id=post.pk).exists()


@pytest.mark.parametrize("role", ["Author", "Contributor"])
def test_only_editors_delete_for_good(role):
    writer = role_client(role)
    own = make_post(author=writer.user, published_at=None)

    assert _trash(writer, own).status_code == HTTPStatus.FOUND  # into the trash
    own.refresh_from_db()
    assert own.is_trashed

    assert _trash(writer, own).status_code == HTTPStatus.FORBIDDEN
    assert Post.objects.filter(pk=own.pk).exists()


def test_a_trashed_page_answers_410_and_comes_back_when_restored(client):
    editor = role_client("Editor")
    page = make_page(slug="about-us", title="About us")

    response = editor.post(f"/admin/articles/page/{page.pk}/delete/", {"post": "yes"})

    assert response.status_code == HTTPStatus.FOUND
    assert client.get("/about-us/").status_code == HTTPStatus.GONE
    action(editor, "restore_from_trash", page, url="/admin/articles/page/?trash=trash")
    assert client.get("/about-us/").status_code == HTTPStatus.OK


def test_empty_trash_deletes_only_what_has_been_there_longer_than_the_retention(settings):
    settings.TRASH_RETENTION_DAYS = 30
    now = timezone.now()
    old, recent = make_post(title="Old news"), make_post(title="Recent")
    old_page = make_page(title="Old page")
    for item, days in ((old, 31), (recent, 29), (old_page, 40)):
        item.move_to_trash()
        type(item).objects.filter(pk=item.pk).update(trashed_at=now - datetime.timedelta(days))
    live = make_post()

    out = io.StringIO()
    call_command("empty_trash", "--dry-run", stdout=out)
    assert "Would delete post “Old news”" in out.getvalue()
    assert Post.objects.count() == 3

    call_command("empty_trash", stdout=io.StringIO())
    assert set(Post.objects.values_list("pk", flat=True)) == {recent.pk, live.pk}
    assert not Page.objects.exists()
