"""An author's public page and byline never show the login name."""

import importlib
from http import HTTPStatus

import pytest
from django.apps import apps as global_apps

from articles.models import AuthorProfile
from tests.builders import make_post, make_user

pytestmark = pytest.mark.django_db


def test_the_author_page_is_at_a_slug_of_the_display_name_not_the_login(client):
    author = make_user(username="drlogin", first_name="Maya", last_name="Okafor")
    post = make_post(author=author)

    assert author.author_profile.public_slug == "maya-okafor"
    assert client.get("/author/maya-okafor/").status_code == HTTPStatus.OK
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'href="/author/maya-okafor/"' in page
    assert "drlogin" not in page


def test_the_old_login_address_is_404_not_a_redirect_that_would_give_the_login_away(client):
    author = make_user(username="drlogin", first_name="Maya", last_name="Okafor")
    make_post(author=author)

    response = client.get("/author/drlogin/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "maya-okafor" not in response.content.decode()


def test_a_login_with_markup_gets_a_clean_slug_and_never_shows(client):
    author = make_user(username="x>y<script>", first_name="", last_name="")
    post = make_post(author=author)

    slug = author.author_profile.public_slug
    assert slug == "author"
    page = client.get(post.get_absolute_url()).content.decode()
    assert "x&gt;y" not in page and "x>y" not in page
    assert client.get(f"/author/{slug}/").status_code == HTTPStatus.OK


def test_slugs_are_unique_and_never_equal_the_login():
    first = make_user(username="ann", first_name="Ann", last_name="")
    second = make_user(username="ann2", first_name="Ann", last_name="")

    assert first.author_profile.public_slug == "ann-2"
    assert second.author_profile.public_slug == "ann"


def test_existing_users_are_given_a_public_slug_by_the_migration():
    make_user(username="casey", first_name="Casey", last_name="Lee")
    make_user(username="nameless", first_name="", last_name="")
    AuthorProfile.objects.all().delete()
    migration = importlib.import_module("articles.migrations.0006_author_profile")

    migration.give_every_user_a_public_slug(global_apps, None)

    assert sorted(AuthorProfile.objects.values_list("user__username", "public_slug")) == [
        ("casey", "casey-lee"),
        ("nameless", "author"),
    ]
