"""Every public page type runs the same number of queries with few or many posts and comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_post, make_reviewer
from tests.comments.builders import make_comment
from tests.pagecache.site import build_site, public_urls

pytestmark = pytest.mark.django_db


def _grow(site, posts: int, comments: int) -> None:
    for _ in range(posts):
        make_post(
            author=site.post.author,
            reviewed_by=site.post.reviewed_by,
            categories=[site.category],
            tags=[site.tag],
            procedures=[site.procedure],
        )
        make_post(reviewed_by=make_reviewer())  # more authors and reviewers in the lists
    for _ in range(comments):
        reply_to = make_comment(site.post)
        make_comment(site.post, parent=reply_to)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_query_counts_do_not_grow_with_posts_or_comments_on_any_public_page(client, settings):
    settings.POSTS_PER_PAGE = 50
    site = build_site()
    _grow(site, posts=2, comments=2)
    small = {url: _queries(client, url) for url in public_urls(site)}
    _grow(site, posts=15, comments=15)
    large = {url: _queries(client, url) for url in public_urls(site)}
    assert large == small
