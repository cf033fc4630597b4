"""Prepared queries: compiled once, then the same rows as the queryset they were built from."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Category, Page, Post
from articles.prepared import NO_TIME, PreparedQuery
from tests.builders import make_category, make_page, make_post, make_reviewer, make_user

pytestmark = pytest.mark.django_db


def _live_post_by_slug(slug, now):
    return (
        Post.objects.published(now)
        .select_related("author__author_profile", "reviewed_by")
        .filter(slug=slug)
    )


def test_a_prepared_query_returns_what_its_queryset_returns_for_each_call():
    reviewer = make_reviewer(name="Dr. Ada Quill")
    first = make_post(slug="first", reviewed_by=reviewer)
    make_post(slug="second")
    live_post = PreparedQuery(_live_post_by_slug, slug="\x00sample", now=NO_TIME)
    now = timezone.now()

    for slug in ("first", "second", "missing", "first"):
        expected = list(_live_post_by_slug(slug, now))
        assert live_post(slug=slug, now=now) == expected

    post = live_post(slug="first", now=now)[0]
    with CaptureQueriesContext(connection) as queries:
        # Read with the post, as select_related does: no further query.
        assert post.reviewed_by.name == "Dr. Ada Quill"
        assert post.author.author_profile.name == first.author.author_profile.name
        assert post.published_at == first.published_at
    assert len(queries) == 0


def test_the_queryset_is_built_and_compiled_once_then_run_once_per_call():
    make_post(slug="only")
    builds = []

    def build(slug, now):
        builds.append(slug)
        return _live_post_by_slug(slug, now)

    live_post = PreparedQuery(build, slug="\x00sample", now=NO_TIME)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert [p.slug for p in live_post(slug="only", now=timezone.now())] == ["only"]
    assert builds == ["\x00sample"]
    assert len(queries) == 5


def test_the_time_is_a_parameter_so_a_scheduled_post_goes_live_at_its_time():
    author = make_user()
    moment = timezone.now() + datetime.timedelta(hours=2)
    make_post(slug="later", author=author, published_at=moment)
    live_post = PreparedQuery(_live_post_by_slug, slug="\x00sample", now=NO_TIME)

    assert live_post(slug="later", now=timezone.now()) == []
    with time_machine.travel(moment + datetime.timedelta(minutes=1)):
        assert [p.slug for p in live_post(slug="later", now=timezone.now())] == ["later"]


def test_values_annotations_and_no_parameters_are_prepared_too():
    make_category(name="Skin", slug="skin")
    make_category(name="Body", slug="body")
    make_page(slug="about", published_at=timezone.now() - datetime.timedelta(hours=1))
    make_page(slug="draft-page", published_at=None)
    top_level = PreparedQuery(lambda: Category.objects.filter(parent=None).order_by("name"))
    live_slugs = PreparedQuery(
        lambda now: Page.objects.published(now).values_list("slug", flat=True).order_by("slug"),
        now=NO_TIME,
    )

    assert [c.name for c in top_level()] == ["Body", "Skin"]
    assert live_slugs(now=timezone.now()) == ["about"]


def test_a_sample_the_query_does_not_filter_on_is_refused_clearly():
    ignored = PreparedQuery(lambda slug: Post.objects.all(), slug="\x00sample")

    with pytest.raises(ImproperlyConfigured, match="'slug' is not among"):
        ignored(slug="anything")


def test_calling_with_other_parameters_than_the_samples_is_an_error():
    live_post = PreparedQuery(_live_post_by_slug, slug="\x00sample", now=NO_TIME)

    with pytest.raises(TypeError, match="expected the parameters"):
        live_post(slug="first")
