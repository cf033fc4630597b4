"""Each content rule written once: the publishing status, categories with their children,
the ancestor depth, the staff check, and a head built by the view that renders the page."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone

from articles.models import ANCESTOR_DEPTH, Category, Post, PostStatus
from articles.permissions import is_staff
from articles.seo import MissingHead
from tests.builders import make_category, make_page, make_post, make_user


@pytest.mark.django_db
def test_the_status_of_a_post_and_the_query_for_it_agree():
    now = timezone.now()
    posts = {
        PostStatus.DRAFT: make_post(published_at=None),
        PostStatus.SCHEDULED: make_post(published_at=now + datetime.timedelta(days=1)),
        PostStatus.LIVE: make_post(published_at=now - datetime.timedelta(days=1)),
    }
    for status, post in posts.items():
        assert post.status == status
        assert PostStatus.of(post.published_at) == status
        assert list(Post.objects.with_status(status)) == [post]
        assert set(Post.objects.without_status(status)) == set(posts.values()) - {post}
    assert list(Post.objects.published()) == [posts[PostStatus.LIVE]]


@pytest.mark.django_db
def test_a_standing_page_has_the_same_status_rule():
    assert make_page(published_at=None).status == PostStatus.DRAFT
    assert not make_page(published_at=timezone.now() + datetime.timedelta(hours=1)).is_live
    assert make_page().is_live


@pytest.mark.django_db
def test_in_category_with_children_adds_the_subcategories_posts_once():
    parent = make_category()
    child = make_category(parent=parent)
    grandchild = make_category(parent=child)
    own = make_post(categories=[parent, child])
    childs = make_post(categories=[child])
    make_post(categories=[grandchild])
    make_post()
    assert list(Post.objects.in_category(parent)) == [own]
    assert list(Post.objects.in_category(parent, with_children=True).order_by("pk")) == [
        own,
        childs,
    ]


@pytest.mark.django_db
def test_categories_come_with_their_ancestors_in_one_query(django_assert_num_queries):
    node = None
    for _ in range(ANCESTOR_DEPTH + 1):
        node = make_category(parent=node)
    with django_assert_num_queries(1):
        category = Category.objects.with_ancestors().get(pk=node.pk)
        assert len(category.path.split("/")) == ANCESTOR_DEPTH + 1


@pytest.mark.django_db
def test_only_active_staff_count_as_staff():
    assert is_staff(make_user(is_staff=True))
    assert not is_staff(make_user(is_staff=True, is_active=False))
    assert not is_staff(make_user())
    assert not is_staff(AnonymousUser())
    assert not is_staff(None)


def test_a_page_rendered_without_a_head_says_which_view_forgot_it():
    request = RequestFactory().get("/somewhere/")
    template = engines["jinja2"].from_string("{{ head_meta() }}")
    with pytest.raises(MissingHead, match="without `head`"):
        template.render({"title": "Guess me"}, request)
