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


def _more_urls(site) -> list[str]:
    """The page types `public_urls` leaves out: second pages of every paginated list, the
    month archive, every other feed, one sitemap section and the post page answering a
    comment or opened at a comment page."""
    published = site.post.published_at
    reply_to = site.post.comments.filter(parent=None, status="approved").first()
    return [
        "/page/2/",
        "/category/skin/page/2/",
        "/tag/collagen/page/2/",
        f"{site.post.author.author_profile.get_absolute_url()}page/2/",
        f"/{published.year}/page/2/",
        f"/{published.year}/{published.month:02d}/",
        f"/{published.year}/{published.month:02d}/page/2/",
        "/tag/collagen/feed/",
        "/procedures/microneedling/feed/",
        "/comments/feed/",
        f"{site.post.get_absolute_url()}feed/",
        "/sitemap-posts.xml",
        f"{site.post.get_absolute_url()}?replytocom={reply_to.pk}",
        f"{site.post.get_absolute_url()}?cpage=2",
    ]


def test_query_counts_do_not_grow_on_second_pages_feeds_and_sitemap_sections(client, settings):
    settings.POSTS_PER_PAGE = 2
    settings.COMMENTS_PER_PAGE = 1
    site = build_site()
    _grow(site, posts=3, comments=2)
    make_post(author=site.post.author, categories=[site.category])
    small = {url: _queries(client, url) for url in _more_urls(site)}
    _grow(site, posts=15, comments=15)
    for _ in range(10):
        make_post(author=site.post.author, categories=[site.category])
    large = {url: _queries(client, url) for url in _more_urls(site)}
    assert large == small
