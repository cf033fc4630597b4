"""Renamed pages, tags and categories leave a 301 at each old address, in one hop; a deleted
live post or page answers 410 Gone with a page that helps the reader on."""

from http import HTTPStatus

import pytest

from redirects.models import Redirect, RedirectStatus
from tests.builders import make_category, make_page, make_post, make_tag

pytestmark = pytest.mark.django_db


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY, old
    assert response["Location"] == new
    assert client.get(new).status_code == HTTPStatus.OK, new  # one hop


def test_renaming_a_live_page_redirects_its_old_address(client):
    page = make_page(slug="about", title="About")
    page.slug = "about-us"
    page.save()
    assert_moved(client, "/about/", "/about-us/")


def test_renaming_a_draft_page_adds_no_redirect():
    page = make_page(slug="draft-page", published_at=None)
    page.slug = "still-a-draft"
    page.save()
    assert not Redirect.objects.exists()


def test_renaming_a_tag_redirects_its_page_and_feed(client):
    tag = make_tag(name="collagen", slug="collagen")
    make_post(tags=[tag])
    tag.slug = "collagen-boost"
    tag.save()
    assert_moved(client, "/tag/collagen/", "/tag/collagen-boost/")
    assert_moved(client, "/tag/collagen/feed/", "/tag/collagen-boost/feed/")


def test_renaming_a_category_redirects_its_whole_subtree(client):
    skin = make_category(name="Skin", slug="skin")
    acne = make_category(name="Acne", slug="acne", parent=skin)
    scars = make_category(name="Scars", slug="scars", parent=acne)
    make_post(categories=[scars])
    skin.slug = "skin-care"
    skin.save()
    assert_moved(client, "/category/skin/", "/category/skin-care/")
    assert_moved(client, "/category/skin/acne/", "/category/skin-care/acne/")
    assert_moved(client, "/category/skin/acne/scars/", "/category/skin-care/acne/scars/")
    assert_moved(client, "/category/skin/acne/scars/feed/", "/category/skin-care/acne/scars/feed/")


def test_moving_a_category_under_another_parent_redirects_it(client):
    face = make_category(name="Face", slug="face")
    acne = make_category(name="Acne", slug="acne")
    acne.parent = face
    acne.save()
    assert_moved(client, "/category/acne/", "/category/face/acne/")


def test_renaming_twice_collapses_the_chain(client):
    tag = make_tag(name="prp", slug="prp")
    for slug in ("plasma", "platelet-rich-plasma"):
        tag.slug = slug
        tag.save()
    assert_moved(client, "/tag/prp/", "/tag/platelet-rich-plasma/")
    assert_moved(client, "/tag/plasma/", "/tag/platelet-rich-plasma/")


def test_a_deleted_live_post_is_gone_with_a_helpful_page(client):
    post = make_post(slug="old-news")
    Redirect.objects.record_move("/older-news/", "/old-news/")
    post.delete()

    response = client.get("/old-news/")
    assert response.status_code == HTTPStatus.GONE
    assert "This page has been removed" in response.content.decode()
    assert 'href="/procedures/"' in response.content.decode()
    assert client.get("/older-news/").status_code == HTTPStatus.GONE  # no hop to a 410


def test_a_deleted_live_page_is_gone_and_a_deleted_draft_is_not(client):
    make_page(slug="offers").delete()
    make_post(slug="never-published", published_at=None).delete()
    assert client.get("/offers/").status_code == HTTPStatus.GONE
    assert client.get("/never-published/").status_code == HTTPStatus.NOT_FOUND
    assert Redirect.objects.get(old_path="/offers/").status == RedirectStatus.GONE


def test_an_address_used_again_is_live_again(client):
    make_post(slug="comeback").delete()
    make_post(slug="comeback")
    assert client.get("/comeback/").status_code == HTTPStatus.OK
