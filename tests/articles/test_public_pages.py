import datetime
import re
from http import HTTPStatus
from urllib.parse import urlsplit

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
    author = make_user(username="casey", first_name="Casey", last_name="Lee")
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
        "/author/casey-lee/",
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


def test_pages_have_a_skip_link_breadcrumbs_and_no_third_party_resources(client):
    category = make_category(slug="skin")
    make_post(slug="a-post", categories=[category], procedures=[make_procedure(slug="peel")])
    loaded = re.compile(r'<(?:img|script|link|iframe|source)\b[^>]*?(?:src|href|srcset)="([^"]*)"')

    for url in ["/a-post/", "/category/skin/", "/procedures/", "/procedures/peel/", "/"]:
        html = client.get(url).content.decode()
        assert '<a class="skip-link" href="#content">' in html, url
        assert '<main id="content"' in html, url
        if url != "/":
            assert 'aria-label="Breadcrumb"' in html, url
        resources = loaded.findall(html)
        assert resources, url
        for target in resources:
            assert urlsplit(target).netloc in ("", "testserver"), (url, target)


def test_home_paginates_and_page_one_redirects_to_the_canonical_address(client, settings):
    settings.POSTS_PER_PAGE = 2
    for i in range(5):
        make_post(title=f"Numbered {i}")

    assert client.get("/page/2/").status_code == HTTPStatus.OK
    assert client.get("/page/3/").status_code == HTTPStatus.OK
    assert client.get("/page/4/").status_code == HTTPStatus.NOT_FOUND
    first = client.get("/page/1/")
    assert first.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert first["Location"] == "/"
    assert 'rel="next" href="/page/2/"' in client.get("/").content.decode()


def test_a_child_category_answers_only_at_its_full_path(client):
    parent = make_category(slug="skin")
    make_category(slug="acne", parent=parent)

    assert client.get("/category/skin/acne/").status_code == HTTPStatus.OK
    assert client.get("/category/acne/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/category/other/acne/").status_code == HTTPStatus.NOT_FOUND


def test_a_parent_category_lists_the_posts_of_its_children(client):
    parent = make_category(slug="skin")
    child = make_category(slug="acne", parent=parent)
    make_post(title="About acne", categories=[child])

    assert "About acne" in client.get("/category/skin/").content.decode()


def test_unknown_dates_and_authors_without_posts_are_404(client):
    make_user(username="quiet")

    assert client.get("/2025/13/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/author/quiet/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/author/nobody/").status_code == HTTPStatus.NOT_FOUND


def test_the_404_page_is_friendly(client):
    response = client.get("/no-such-thing/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert "We couldn’t find that page" in html
    assert 'href="/procedures/"' in html


def test_the_500_page_is_friendly_and_needs_no_database(rf):
    from articles.errors import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Something went wrong on our side" in response.content.decode()


def test_post_page_shows_the_trust_and_sharing_blocks(client):
    from tests.builders import make_reference, make_reviewer

    procedure = make_procedure(
        name="Microneedling", slug="microneedling", session_minutes=30, downtime="About 48 hours"
    )
    post = make_post(
        slug="trusted",
        title="A trusted article",
        procedures=[procedure],
        reviewed_by=make_reviewer(name="Dr Ada Lane", slug="dr-ada-lane", credentials="MBBS"),
        last_reviewed_on=datetime.date(2026, 5, 1),
    )
    make_reference(post, title="A randomised trial", publisher="A journal", year=2021, doi="10.1/x")

    html = client.get("/trusted/").content.decode()

    assert (
        'Medically reviewed by <a href="/reviewers/dr-ada-lane/"><strong>Dr Ada Lane</strong></a>'
        ", MBBS" in html
    )
    assert "Last reviewed" in html and "1 May 2026" in html
    assert "Microneedling at a glance" in html and "About 30 minutes" in html
    assert "A randomised trial" in html and "https://doi.org/10.1/x" in html
    assert "Not medical advice." in html
    for network in ["Facebook", "X", "LinkedIn", "Pinterest", "WhatsApp", "Email"]:
        assert f">{network}<" in html
    assert "http%3A%2F%2Ftestserver%2Ftrusted%2F" in html
