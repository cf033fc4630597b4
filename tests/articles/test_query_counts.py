"""Listing and post pages must not run more queries as the number of posts grows."""

from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Category, Procedure, Reviewer, Tag
from tests.builders import (
    make_category,
    make_post,
    make_procedure,
    make_reference,
    make_reviewer,
    make_tag,
    make_user,
)

pytestmark = pytest.mark.django_db


@dataclass
class Site:
    parent: Category
    category: Category
    tag: Tag
    procedure: Procedure
    reviewer: Reviewer
    writer: object

    def add_posts(self, count: int) -> list:
        posts = []
        for i in range(count):
            post = make_post(
                author=self.writer if i % 2 == 0 else make_user(),
                categories=[self.category, self.parent],
                tags=[self.tag],
                procedures=[self.procedure],
                reviewed_by=self.reviewer,
            )
            make_reference(post, title="A study")
            posts.append(post)
        return posts


def build_site() -> Site:
    parent = make_category(slug="skin")
    procedure = make_procedure(slug="microneedling")
    procedure.related.add(make_procedure(slug="prp"))
    return Site(
        parent=parent,
        category=make_category(slug="acne", parent=parent),
        tag=make_tag(slug="collagen"),
        procedure=procedure,
        reviewer=make_reviewer(),
        writer=make_user(username="writer", first_name="Wren", last_name="Writer"),
    )


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/category/skin/",
        "/category/skin/acne/",
        "/tag/collagen/",
        "/author/wren-writer/",
        "/procedures/",
        "/procedures/microneedling/",
    ],
)
def test_listing_queries_do_not_grow_with_the_number_of_posts(client, settings, url):
    settings.POSTS_PER_PAGE = 50
    site = build_site()
    site.add_posts(3)
    small = queries_for(client, url)

    site.add_posts(20)
    large = queries_for(client, url)

    assert large == small, f"{url}: {small} queries with 3 posts, {large} with 23"


def test_post_page_queries_do_not_grow_with_its_topics_or_related_posts(client):
    site = build_site()
    post = site.add_posts(2)[0]
    small = queries_for(client, post.get_absolute_url())

    post.categories.add(*[make_category(parent=site.parent) for _ in range(5)])
    post.procedures.add(*[make_procedure() for _ in range(5)])
    post.tags.add(*[make_tag() for _ in range(5)])
    for _ in range(5):
        make_reference(post)
    site.add_posts(10)
    large = queries_for(client, post.get_absolute_url())

    assert large == small
