import datetime
import xml.etree.ElementTree as ET
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.builders import make_category, make_page, make_post, make_procedure, make_tag, make_user
from tests.discovery.builders import make_post_with_image

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}


def _urlset(client, url: str = "/sitemap.xml") -> ET.Element:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (the site's own output)


def _locations(root: ET.Element) -> list[str]:
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def test_the_sitemap_lists_exactly_the_public_urls_and_each_answers_200(client):
    skin = make_category(name="Skin", slug="skin")
    acne = make_category(name="Acne", slug="acne", parent=skin)
    make_category(name="Empty", slug="empty")
    tag = make_tag(slug="collagen")
    make_tag(slug="unused")
    needling = make_procedure(slug="microneedling")
    make_procedure(slug="peels")
    live = make_post(slug="live-post", categories=[acne], tags=[tag], procedures=[needling])
    make_post(slug="a-draft", published_at=None, categories=[acne], tags=[make_tag()])
    make_post(
        slug="soon",
        published_at=timezone.now() + datetime.timedelta(days=1),
        categories=[make_category(slug="only-scheduled")],
    )
    make_page(slug="about")
    make_page(slug="hidden-page", published_at=None)

    paths = [urlsplit(loc).path for loc in _locations(_urlset(client))]

    assert sorted(paths) == sorted(
        [
            "/",
            "/procedures/",
            f"/{live.slug}/",
            "/about/",
            "/category/skin/",
            "/category/skin/acne/",
            "/tag/collagen/",
            "/procedures/microneedling/",
            "/procedures/peels/",
        ]
    )
    for path in paths:
        assert client.get(path).status_code == HTTPStatus.OK, path


def test_posts_and_pages_hidden_from_search_engines_are_not_in_the_sitemap(client):
    make_post(slug="shown")
    make_post(slug="hidden-post", seo_noindex=True)
    make_page(slug="hidden-page", seo_noindex=True)

    paths = {urlsplit(loc).path for loc in _locations(_urlset(client))}

    assert "/shown/" in paths
    assert not {"/hidden-post/", "/hidden-page/"} & paths
    assert 'content="noindex' in client.get("/hidden-post/").content.decode()


def test_every_sitemap_entry_has_a_lastmod_and_posts_list_their_featured_image(client):
    post = make_post_with_image(slug="with-image")
    make_post(slug="without-image")

    root = _urlset(client)
    for url in root.findall("sm:url", NS):
        lastmod = url.find("sm:lastmod", NS).text
        assert datetime.datetime.fromisoformat(lastmod).tzinfo is not None
    images = {
        url.find("sm:loc", NS).text: [i.text for i in url.findall("image:image/image:loc", NS)]
        for url in root.findall("sm:url", NS)
    }
    assert images["http://testserver/with-image/"] == [
        "http://testserver" + post.featured_image.url
    ]
    assert images["http://testserver/without-image/"] == []


def test_a_post_edit_moves_its_lastmod(client):
    with_time = timezone.now() - datetime.timedelta(days=3)
    post = make_post(slug="edited", published_at=with_time - datetime.timedelta(days=1))
    post.changed_at = with_time
    type(post).objects.filter(pk=post.pk).update(changed_at=with_time)

    def lastmod() -> datetime.datetime:
        for url in _urlset(client).findall("sm:url", NS):
            if url.find("sm:loc", NS).text.endswith("/edited/"):
                return datetime.datetime.fromisoformat(url.find("sm:lastmod", NS).text)
        raise AssertionError("post missing")

    before = lastmod()
    post.save()
    assert lastmod() > before


def test_absolute_urls_follow_site_url(client, settings):
    settings.SITE_URL = "https://cosmediclist.example"
    make_post(slug="p")

    assert all(
        loc.startswith("https://cosmediclist.example/") for loc in _locations(_urlset(client))
    )
    assert (
        "Sitemap: https://cosmediclist.example/sitemap.xml"
        in client.get("/robots.txt").content.decode().splitlines()
    )


def test_past_the_section_size_the_sitemap_becomes_an_index_of_sections(client, settings):
    settings.SITEMAP_SECTION_SIZE = 3
    author = make_user()
    posts = [make_post(author=author) for _ in range(4)]

    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own output)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    sections = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    assert "http://testserver/sitemap-posts.xml" in sections
    assert "http://testserver/sitemap-posts.xml?p=2" in sections

    listed = []
    for section in sections:
        urlset = _urlset(client, section.removeprefix("http://testserver"))
        assert len(urlset.findall("sm:url", NS)) <= 3
        listed += _locations(urlset)
    assert {f"http://testserver/{p.slug}/" for p in posts} <= set(listed)
    assert len(listed) == len(set(listed)) == 4 + 2  # posts, home, procedure index


def test_unknown_sitemap_sections_and_pages_are_404(client):
    make_post()
    assert client.get("/sitemap-nope.xml").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/sitemap-posts.xml?p=9").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/sitemap-posts.xml?p=x").status_code == HTTPStatus.NOT_FOUND


def _fill(count: int) -> None:
    author = make_user()
    parent = make_category()
    for _ in range(count):
        make_post_with_image(
            author=author,
            categories=[make_category(parent=parent)],
            tags=[make_tag()],
            procedures=[make_procedure()],
        )
        make_page()


@pytest.mark.parametrize("section_size", [1000, 5])
def test_the_sitemap_costs_the_same_number_of_queries_for_few_or_many_posts(
    client, settings, section_size, django_assert_num_queries
):
    settings.SITEMAP_SECTION_SIZE = section_size
    _fill(3)
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
        client.get("/sitemap-categories.xml")
    _fill(9)
    with django_assert_num_queries(len(few)):
        client.get("/sitemap.xml")
        client.get("/sitemap-categories.xml")


def test_robots_names_the_sitemap_and_keeps_crawlers_out_of_admin_previews_and_search(client):
    response = client.get("/robots.txt")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for rule in ["/admin/", "/preview/", "/search/", "/?s="]:
        assert f"Disallow: {rule}" in lines
    assert "Disallow: /" not in lines
