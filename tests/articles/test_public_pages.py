import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.utils import timezone

from tests.builders import make_category, make_page, make_post, make_procedure, make_tag, make_user

pytestmark = pytest.mark.django_db


def test_every_public_url_answers_for_published_content(client):
    parent = make_category(name="Skin", slug="skin")
    child = make_category(name="Acne", slug="acne", parent=parent)
    tag = make_tag(name="collagen", slug="collagen")
    procedure = make_procedure(name="Microneedling", slug="microneedling")
    author = make_user(username="casey")
    when = timezone.make_aware(datetime.datetime(2025, 3, 14, 12, 0))
    make_post(
        slug="needling-scars",
        author=author,
        published_at=when,
        categories=[child],
        tags=[tag],
        procedures=[procedure],
    )
    make_page(slug="privacy-policy", title="Privacy Policy")

    for url in [
        "/",
        "/needling-scars/",
        "/privacy-policy/",
        "/category/skin/",
        "/category/skin/acne/",
        "/tag/collagen/",
        "/author/casey/",
        "/2025/",
        "/2025/03/",
        "/procedures/",
        "/procedures/microneedling/",
    ]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert response.content.count(b"<h1") == 1, url


def test_drafts_and_scheduled_posts_are_404_for_the_public(client):
    make_post(slug="a-draft", published_at=None)
    make_post(slug="coming-soon", published_at=timezone.now() + datetime.timedelta(days=2))

    assert client.get("/a-draft/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/coming-soon/").status_code == HTTPStatus.NOT_FOUND
    home = client.get("/").content.decode()
    assert "a-draft" not in home
    assert "coming-soon" not in home


def test_a_scheduled_post_appears_by_itself_when_its_time_comes(client):
    due = timezone.now() + datetime.timedelta(days=2)
    make_post(slug="coming-soon", title="Coming soon", published_at=due)

    with time_machine.travel(due + datetime.timedelta(minutes=1)):
        assert client.get("/coming-soon/").status_code == HTTPStatus.OK
        assert "Coming soon" in client.get("/").content.decode()
