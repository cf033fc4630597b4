"""Object addresses are worked out once and remembered, yet follow the URLconf and prefix."""

import pytest
from django.test import override_settings
from django.urls import reverse, set_script_prefix

from tests.builders import make_category, make_post, make_tag

pytestmark = pytest.mark.django_db


def test_remembered_addresses_are_the_ones_django_reverses():
    parent = make_category(slug="skin")
    category = make_category(slug="scars", parent=parent)
    post = make_post(slug="acne-scars", categories=[category])
    tag = make_tag(slug="collagen")

    assert post.get_absolute_url() == reverse("articles:slug_detail", kwargs={"slug": "acne-scars"})
    assert category.get_absolute_url() == "/category/skin/scars/"
    assert tag.get_absolute_url() == reverse("articles:tag_detail", kwargs={"slug": "collagen"})


def test_another_urlconf_or_script_prefix_gives_its_own_addresses():
    post = make_post(slug="acne-scars")
    assert post.get_absolute_url() == "/acne-scars/"

    with override_settings(ROOT_URLCONF="tests.articles.moved_urls"):
        assert post.get_absolute_url() == "/blog/acne-scars/"
    set_script_prefix("/site/")
    try:
        assert post.get_absolute_url() == "/site/acne-scars/"
    finally:
        set_script_prefix("/")
    assert post.get_absolute_url() == "/acne-scars/"
