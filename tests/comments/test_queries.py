"""Query counts do not grow with the number of comments or posts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment, CommentStatus
from tests.builders import make_post, make_user
from tests.comments.builders import make_comment

pytestmark = pytest.mark.django_db


def _add_comments(post, count: int) -> None:
    """A realistic mix: threads of a top-level comment with two levels of replies."""
    start = timezone.now() - datetime.timedelta(days=30)
    made = 0
    while made < count:
        root = make_comment(post, created_at=start + datetime.timedelta(minutes=made))
        made += 1
        parent = root
        for _depth in (2, 3):
            if made >= count:
                break
            parent = Comment.objects.create(
                post=post,
                parent=parent,
                author_name=f"Replier {made}",
                author_email=f"r{made}@example.net",
                body=f"Reply {made}",
                status=CommentStatus.APPROVED,
                created_at=start + datetime.timedelta(minutes=made),
            )
            made += 1
    Comment.objects.bulk_create(
        Comment(post=post, author_name="Held", author_email="h@example.net", body="Held")
        for _ in range(3)
    )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_post_page_runs_the_same_queries_with_5_or_500_comments(
    client, django_assert_num_queries, settings
):
    settings.COMMENTS_PER_PAGE = 1000
    small = make_post(slug="small")
    large = make_post(slug="large")
    _add_comments(small, 5)
    _add_comments(large, 500)
    baseline = _queries(client, "/small/")

    with django_assert_num_queries(baseline):
        response = client.get("/large/")

    assert response.content.decode().count('class="comment__card"') == 500


def test_the_whole_comment_tree_is_one_query(client, settings):
    post = make_post(slug="needling")
    _add_comments(post, 20)

    with CaptureQueriesContext(connection) as captured:
        client.get("/needling/")

    comment_queries = [q for q in captured if 'FROM "comments_comment"' in q["sql"]]
    assert len(comment_queries) == 1
    assert "author_email" not in comment_queries[0]["sql"]
    assert "ip_address" not in comment_queries[0]["sql"]


def test_listings_show_comment_counts_without_a_query_per_post(client, django_assert_num_queries):
    author = make_user()
    for _ in range(2):
        make_comment(make_post(author=author))
    baseline = _queries(client, "/")
    for _ in range(8):
        post = make_post(author=author)
        make_comment(post)
        make_comment(post, status=CommentStatus.SPAM)

    with django_assert_num_queries(baseline):
        html = client.get("/").content.decode()

    assert html.count("1 comment</a>") == 10


def test_with_comment_count_counts_approved_comments_only():
    from articles.models import Post

    post = make_post()
    make_comment(post)
    make_comment(post, status=CommentStatus.PENDING)
    make_comment(post, status=CommentStatus.TRASH)

    assert Post.objects.with_comment_count().get(pk=post.pk).comment_count == 1
