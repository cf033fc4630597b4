"""A small public site with one of every kind of page, for the page cache tests."""

from dataclasses import dataclass

from articles.models import Category, Page, Post, Procedure, Tag
from comments.models import CommentStatus
from tests.builders import (
    make_category,
    make_page,
    make_post,
    make_procedure,
    make_reviewer,
    make_tag,
    make_user,
)
from tests.comments.builders import make_comment


@dataclass
class Site:
    post: Post
    other: Post
    page: Page
    category: Category
    tag: Tag
    procedure: Procedure


def build_site() -> Site:
    category = make_category(slug="skin", name="Skin")
    tag = make_tag(slug="collagen", name="collagen")
    procedure = make_procedure(slug="microneedling", name="Microneedling")
    writer = make_user(username="writer")
    post = make_post(
        title="Microneedling explained",
        slug="microneedling-explained",
        author=writer,
        reviewed_by=make_reviewer(),
        categories=[category],
        tags=[tag],
        procedures=[procedure],
    )
    other = make_post(title="Peels", slug="peels", author=writer, categories=[category])
    first = make_comment(post, body="A first question.")
    make_comment(post, parent=first, body="An answer to it.")
    make_comment(post, status=CommentStatus.PENDING, body="Held for moderation.")
    page = make_page(slug="about", title="About us")
    return Site(post, other, page, category, tag, procedure)


def public_urls(site: Site) -> list[str]:
    year = site.post.published_at.year
    return [
        "/",
        site.post.get_absolute_url(),
        site.page.get_absolute_url(),
        "/category/skin/",
        "/tag/collagen/",
        site.post.author.author_profile.get_absolute_url(),
        "/reviewers/",
        site.post.reviewed_by.get_absolute_url(),
        "/procedures/",
        "/procedures/microneedling/",
        f"/{year}/",
        "/search/?q=microneedling",
        "/feed/",
        "/feed/atom/",
        "/category/skin/feed/",
        "/sitemap.xml",
        "/robots.txt",
    ]
