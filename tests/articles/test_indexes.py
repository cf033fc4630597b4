"""The public lists are read through the indexes made for them, not by scanning every post or
comment: PostgreSQL's planner, with statistics of a site of a few thousand posts, is asked how
it runs the very queries the pages send."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Post
from comments.models import Comment, CommentStatus
from tests.builders import make_post, make_user

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="query plans are checked on PostgreSQL"
    ),
]


@pytest.fixture
def big_site():
    """3,000 posts (a few in the trash, some scheduled, one author with one post in fifty) and
    6,000 comments of mixed status, with the planner's statistics up to date."""
    now = timezone.now()
    writer, others = make_user(username="writer"), make_user(username="others")
    Post.objects.bulk_create(
        Post(
            title=f"Post {n}",
            slug=f"post-{n}",
            body="<p>Body.</p>",
            author=writer if n % 50 == 0 else others,
            published_at=now + datetime.timedelta(hours=-n if n % 40 else n),
            trashed_at=now if n % 97 == 0 else None,
        )
        for n in range(1, 3001)
    )
    post = make_post(title="Microneedling explained", slug="microneedling-explained")
    posts = list(Post.objects.values_list("pk", flat=True))
    statuses = [CommentStatus.APPROVED, CommentStatus.APPROVED, CommentStatus.PENDING]
    Comment.objects.bulk_create(
        Comment(
            post_id=posts[n % len(posts)],
            author_name=f"Reader {n}",
            body="A question.",
            status=statuses[n % 3],
            created_at=now - datetime.timedelta(minutes=n),
        )
        for n in range(6000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return writer, post


def _plans(client, url: str, table: str) -> list[str]:
    """The plan of each query the page sends that reads `table` in order with a LIMIT."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    plans = []
    for query in captured.captured_queries:
        sql = query["sql"]
        if f'FROM "{table}"' in sql and "ORDER BY" in sql and "LIMIT" in sql:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + sql)
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert plans, f"{url} sent no ordered, limited query on {table}"
    return plans


@pytest.mark.parametrize(
    ("url", "index"),
    [
        ("/", "post_public_home"),
        ("/{year}/", "post_public_newest"),
        ("/feed/", "Index Scan"),  # the date index, whichever of the two
        ("{author}", "post_public_by_author"),
    ],
)
def test_post_lists_are_read_from_their_index(client, big_site, url, index):
    writer, _ = big_site
    url = url.format(year=timezone.now().year, author=writer.author_profile.get_absolute_url())
    plans = _plans(client, url, "articles_post")
    assert not any("Seq Scan on articles_post" in plan for plan in plans), plans
    assert any(f"{index}" in plan and "on articles_post" in plan for plan in plans), plans


def test_the_site_comment_feed_is_read_in_date_order_from_an_index(client, big_site):
    plans = _plans(client, "/comments/feed/", "comments_comment")
    assert not any("Seq Scan on comments_comment" in plan for plan in plans), plans
    assert any("Index Scan" in plan and "on comments_comment" in plan for plan in plans), plans


def test_a_post_discussion_is_read_from_the_post_status_index(client, big_site):
    _, post = big_site
    with CaptureQueriesContext(connection) as captured:
        assert client.get(post.get_absolute_url()).status_code == 200
    (sql,) = [q["sql"] for q in captured.captured_queries if 'FROM "comments_comment"' in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan on comments_comment" not in plan, plan
    assert "on comments_comment" in plan and "Index" in plan, plan
