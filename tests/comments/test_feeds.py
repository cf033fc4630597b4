"""Comment feeds at WordPress's addresses: the site's newest approved comments and one post's."""

import datetime
from http import HTTPStatus

import feedparser
import pytest
from django.utils import timezone

from comments.models import CommentStatus
from tests.builders import make_post
from tests.comments.builders import make_comment

pytestmark = pytest.mark.django_db


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.fixture
def discussion():
    post = make_post(slug="needling-scars", title="Needling and scars")
    other = make_post(slug="peels", title="Peels")
    now = timezone.now()
    first = make_comment(
        post,
        author_name="Ada",
        body="Thanks!\n\nVery clear.",
        author_email="ada@example.org",
        created_at=now - datetime.timedelta(2),
    )
    make_comment(
        post,
        author_name="Bo",
        body="Did it hurt?",
        parent=first,
        created_at=now - datetime.timedelta(1),
    )
    make_comment(post, author_name="Held", status=CommentStatus.PENDING)
    make_comment(post, author_name="Spammer", status=CommentStatus.SPAM)
    make_comment(other, author_name="Cy", body="Peels sting.", created_at=now)
    draft = make_post(slug="draft", published_at=None)
    make_comment(draft, author_name="On a draft")
    return post


def test_the_site_feed_lists_approved_comments_newest_first(client, discussion):
    feed = parsed(client, "/comments/feed/")

    assert [e.title for e in feed.entries] == ["By: Cy", "By: Bo", "By: Ada"]
    assert [e.author for e in feed.entries] == ["Cy", "Bo", "Ada"]
    ada = discussion.comments.get(author_name="Ada")
    assert feed.entries[2].link == f"http://testserver/needling-scars/#comment-{ada.pk}"
    assert "<p>Thanks!</p><p>Very clear.</p>" in feed.entries[2].summary
    assert "ada@example.org" not in client.get("/comments/feed/").content.decode()


def test_a_post_feed_lists_only_that_posts_approved_comments(client, discussion):
    feed = parsed(client, "/needling-scars/feed/")

    assert feed.feed.title == "Comments on: Needling and scars"
    assert [e.author for e in feed.entries] == ["Bo", "Ada"]


def test_a_draft_or_missing_post_has_no_comment_feed(client, discussion):
    assert client.get("/draft/feed/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/no-such-post/feed/").status_code == HTTPStatus.NOT_FOUND


def test_the_post_page_announces_its_comment_feed(client, discussion):
    html = client.get("/needling-scars/").content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" title="Comments on: Needling and '
        'scars" href="http://testserver/needling-scars/feed/">'
    ) in html


def test_the_post_feeds_address_leaves_the_site_feed_alone(client, discussion, settings):
    assert parsed(client, "/feed/").feed.title == settings.SITE_NAME
    assert client.post("/comments/feed/").status_code == HTTPStatus.METHOD_NOT_ALLOWED
