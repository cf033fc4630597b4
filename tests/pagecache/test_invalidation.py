"""A stored page is served again until something it shows changes; then the very next request
gets a fresh one."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Post
from comments.models import Comment, CommentStatus
from redirects.models import Redirect
from tests.builders import make_post
from tests.comments.builders import make_comment
from tests.pagecache.site import build_site

pytestmark = pytest.mark.django_db


def test_a_stored_page_is_served_without_touching_the_database(client):
    site = build_site()
    url = site.post.get_absolute_url()
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.content == first.content
    assert len(queries) == 0


def _rename_post(site):
    site.post.title = "Microneedling, updated"
    site.post.save()
    return site.post.get_absolute_url(), "Microneedling, updated"


def _edit_page(site):
    site.page.title = "About the editors"
    site.page.save()
    return site.page.get_absolute_url(), "About the editors"


def _approve_comment(site):
    held = Comment.objects.get(status=CommentStatus.PENDING)
    held.status = CommentStatus.APPROVED
    held.save()
    return site.post.get_absolute_url(), "Held for moderation."


def _new_comment(site):
    make_comment(site.post, body="A late reply.")
    return site.post.get_absolute_url(), "A late reply."


def _rename_category(site):
    site.category.name = "Skin care"
    site.category.save()
    return "/category/skin/", "Skin care"


def _rename_tag(site):
    site.tag.name = "collagen induction"
    site.tag.save()
    return "/tag/collagen/", "collagen induction"


def _rename_procedure(site):
    site.procedure.name = "Collagen induction therapy"
    site.procedure.save()
    return "/procedures/", "Collagen induction therapy"


def _rename_reviewer(site):
    reviewer = site.post.reviewed_by
    reviewer.name = "Dr Renamed Reviewer"
    reviewer.save()
    return site.post.get_absolute_url(), "Dr Renamed Reviewer"


def _tag_the_post(site):
    site.other.tags.add(site.tag)
    return "/tag/collagen/", "Peels"


def _new_post(site):
    make_post(title="Chemical peels compared")
    return "/", "Chemical peels compared"


@pytest.mark.parametrize(
    "change",
    [
        _rename_post,
        _edit_page,
        _approve_comment,
        _new_comment,
        _rename_category,
        _rename_tag,
        _rename_procedure,
        _rename_reviewer,
        _tag_the_post,
        _new_post,
    ],
)
def test_each_kind_of_change_shows_on_the_next_request(client, change):
    site = build_site()
    for url in (
        "/",
        site.post.get_absolute_url(),
        site.page.get_absolute_url(),
        "/procedures/",
        "/category/skin/",
        "/tag/collagen/",
    ):
        assert client.get(url).status_code == HTTPStatus.OK
    url, text = change(site)
    assert text in client.get(url).content.decode()


def test_removing_things_shows_on_the_next_request(client):
    site = build_site()
    url = site.post.get_absolute_url()
    assert "A first question." in client.get(url).content.decode()
    Comment.objects.get(body="An answer to it.").delete()
    assert "An answer to it." not in client.get(url).content.decode()
    comment = Comment.objects.get(body="A first question.")
    comment.status = CommentStatus.SPAM
    comment.save()
    assert "A first question." not in client.get(url).content.decode()
    assert "Peels" in client.get("/").content.decode()
    site.other.delete()
    assert "Peels" not in client.get("/").content.decode()


def test_publish_and_unpublish_actions_of_the_admin_show_at_once(client, staff_client):
    site = build_site()
    assert "Peels" in client.get("/").content.decode()
    staff_client.post(
        "/admin/articles/post/",
        {"action": "unpublish", "_selected_action": [site.other.pk]},
    )
    assert not Post.objects.published().filter(pk=site.other.pk).exists()
    assert "Peels" not in client.get("/").content.decode()


def test_a_new_redirect_answers_at_once(client):
    build_site()
    assert client.get("/old-address/").status_code == HTTPStatus.NOT_FOUND
    Redirect.objects.create(old_path="/old-address/", new_path="/about/")
    assert client.get("/old-address/").status_code == HTTPStatus.MOVED_PERMANENTLY


def test_a_scheduled_post_appears_at_its_time_with_nothing_saved(client):
    build_site()
    at = timezone.now() + datetime.timedelta(hours=2)
    make_post(title="Scheduled for later", slug="scheduled-for-later", published_at=at)
    feed = client.get("/feed/").content.decode()
    assert "Scheduled for later" not in client.get("/").content.decode()
    assert "Scheduled for later" not in feed
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert "Scheduled for later" in client.get("/").content.decode()
        assert "Scheduled for later" in client.get("/feed/").content.decode()
        assert "scheduled-for-later" in client.get("/sitemap.xml").content.decode()
