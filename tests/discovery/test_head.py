import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from articles.models import Reviewer
from tests.builders import (
    make_category,
    make_page,
    make_post,
    make_procedure,
    make_reference,
    make_reviewer,
    make_tag,
    make_user,
)
from tests.discovery.builders import make_post_with_image
from tests.discovery.pages import read_head

pytestmark = pytest.mark.django_db

REQUIRED = {
    "MedicalWebPage": [
        "headline", "name", "url", "datePublished", "dateModified", "author", "publisher",
        "description", "inLanguage",
    ],
    "BreadcrumbList": ["itemListElement"],
    "MedicalProcedure": ["name", "url"],
    "WebSite": ["name", "url", "potentialAction"],
    "ProfilePage": ["name", "url", "mainEntity"],
}  # fmt: skip


@pytest.fixture
def site():
    skin = make_category(name="Skin", slug="skin")
    acne = make_category(name="Acne", slug="acne", parent=skin, description="Scars and spots.")
    tag = make_tag(name="collagen", slug="collagen")
    needling = make_procedure(
        name="Microneedling",
        slug="microneedling",
        aliases="collagen induction therapy\nskin needling",
        treats="acne scars\nfine lines",
        session_minutes=30,
        downtime="mild swelling for about 48 hours",
        course_sessions_min=4,
        course_sessions_max=6,
        course_interval_weeks=4,
        invasiveness="minimally_invasive",
        setting="Outpatient",
    )
    author = make_user(username="casey", first_name="Casey", last_name="Quill")
    when = timezone.make_aware(datetime.datetime(2025, 3, 14, 12, 0))
    post = make_post_with_image(
        slug="needling-scars",
        title="Does microneedling help acne scars?",
        author=author,
        published_at=when,
        categories=[acne],
        tags=[tag],
        procedures=[needling],
    )
    make_reference(post, title="A trial", url="https://doi.org/10.1/x")
    make_page(slug="about", title="About us")
    make_reviewer(name="Dr Ada Stone", slug="dr-ada-stone", credentials="MBBS, MRCP (Derm)")
    return post


PAGE_TYPES = [
    "/",
    "/needling-scars/",
    "/about/",
    "/category/skin/",
    "/category/skin/acne/",
    "/tag/collagen/",
    "/author/casey-quill/",
    "/reviewers/",
    "/reviewers/dr-ada-stone/",
    "/2025/",
    "/2025/03/",
    "/procedures/",
    "/procedures/microneedling/",
]


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_every_json_ld_block_parses_and_has_the_required_properties(client, site, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    head = read_head(response.content.decode())

    assert head.json_ld, url
    for block in head.json_ld:
        assert block["@context"] == "https://schema.org"
        for prop in REQUIRED[block["@type"]]:
            assert block.get(prop), (url, block["@type"], prop)
    if url != "/":
        crumbs = head.of_type("BreadcrumbList")[0]["itemListElement"]
        assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
        assert crumbs[0] == {
            "@type": "ListItem",
            "position": 1,
            "name": "Home",
            "item": "http://testserver/",
        }
        assert all(c["item"].startswith("http://testserver/") for c in crumbs)


def test_the_post_is_a_medical_web_page_about_its_procedures(client, site):
    head = read_head(client.get("/needling-scars/").content.decode())
    page = head.of_type("MedicalWebPage")[0]

    assert page["headline"] == "Does microneedling help acne scars?"
    assert page["url"] == "http://testserver/needling-scars/"
    assert page["datePublished"].startswith("2025-03-14T12:00:00")
    assert page["author"] == {
        "@type": "Person",
        "name": "Casey Quill",
        "url": "http://testserver/author/casey-quill/",
    }
    assert page["publisher"]["name"] == "CosMedicList"
    assert page["image"]["width"] == 320
    assert page["image"]["height"] == 168
    assert page["about"] == [
        {
            "@type": "MedicalProcedure",
            "name": "Microneedling",
            "url": "http://testserver/procedures/microneedling/",
        }
    ]
    assert page["citation"][0]["url"] == "https://doi.org/10.1/x"
    breadcrumbs = head.of_type("BreadcrumbList")[0]["itemListElement"]
    assert [c["name"] for c in breadcrumbs] == [
        "Home",
        "Skin",
        "Acne",
        "Does microneedling help acne scars?",
    ]


def test_reviewed_by_and_last_reviewed_appear_only_when_set(client, site):
    head = read_head(client.get("/needling-scars/").content.decode())
    page = head.of_type("MedicalWebPage")[0]
    assert "reviewedBy" not in page
    assert "lastReviewed" not in page

    site.reviewed_by = Reviewer.objects.get(slug="dr-ada-stone")
    site.reviewed_by.url = "https://register.example.org/7654321"
    site.reviewed_by.save()
    site.last_reviewed_on = datetime.date(2025, 4, 1)
    site.save()
    page = read_head(client.get("/needling-scars/").content.decode()).of_type("MedicalWebPage")[0]
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Ada Stone",
        "honorificSuffix": "MBBS, MRCP (Derm)",
        "url": "http://testserver/reviewers/dr-ada-stone/",
        "sameAs": ["https://register.example.org/7654321"],
    }
    assert page["lastReviewed"] == "2025-04-01"

    site.last_reviewed_on = None
    site.save()
    page = read_head(client.get("/needling-scars/").content.decode()).of_type("MedicalWebPage")[0]
    assert "reviewedBy" in page
    assert "lastReviewed" not in page


def test_the_procedure_page_describes_the_procedure_from_its_facts(client, site):
    head = read_head(client.get("/procedures/microneedling/").content.decode())
    procedure = head.of_type("MedicalProcedure")[0]

    assert procedure["name"] == "Microneedling"
    assert procedure["alternateName"] == ["collagen induction therapy", "skin needling"]
    assert procedure["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert "about 30 minutes" in procedure["howPerformed"]
    assert "Outpatient" in procedure["howPerformed"]
    assert "4–6 sessions about a month apart" in procedure["followup"]
    assert "mild swelling for about 48 hours" in procedure["followup"]
    assert [i["name"] for i in procedure["indication"]] == ["acne scars", "fine lines"]


def test_the_home_page_declares_the_website_and_its_search(client, site):
    head = read_head(client.get("/").content.decode())
    website = head.of_type("WebSite")[0]

    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert not head.of_type("BreadcrumbList")


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    title = '</script><script>alert(1)</script> <!-- & "quotes" ]]>'
    make_post(slug="tricky", title=title)

    html = client.get("/tricky/").content.decode()
    head = read_head(html)

    assert head.of_type("MedicalWebPage")[0]["headline"] == title
    assert "<script>alert(1)" not in html
    assert all(script.get("type") == "application/ld+json" or script.get("src")
               for script in head.scripts)  # fmt: skip


def test_no_email_appears_in_the_head_of_a_post(client):
    author = make_user(email="private.author@example.com")
    make_post(slug="by-author", author=author)

    html = client.get("/by-author/").content.decode()
    assert "private.author" not in html


def test_social_preview_tags_carry_the_image_and_its_dimensions(client, site):
    head = read_head(client.get("/needling-scars/").content.decode())

    assert head.one("og:type") == "article"
    assert head.one("og:title") == "Does microneedling help acne scars?"
    assert head.one("og:url") == "http://testserver/needling-scars/"
    assert head.one("og:image") == "http://testserver" + site.featured_image.url
    assert head.one("og:image:width") == "320"
    assert head.one("og:image:height") == "168"
    assert head.one("og:image:alt") == "A calm abstract cover"
    assert head.one("og:description") == head.one("description")
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:image") == head.one("og:image")
    assert head.one("article:published_time").startswith("2025-03-14T12:00:00")


def test_the_meta_description_is_the_seo_description_else_the_excerpt_else_the_first_words(
    client,
):
    make_post(slug="seo", seo_description="Written for search.", excerpt="An excerpt.")
    make_post(slug="excerpt", excerpt="An excerpt.")
    make_post(slug="words", excerpt="", body="<p>" + "word " * 50 + "</p>")

    def description(url: str) -> str:
        return read_head(client.get(url).content.decode()).one("description")

    assert description("/seo/") == "Written for search."
    assert description("/excerpt/") == "An excerpt."
    assert description("/words/") == "word " * 29 + "word…"


def test_titles_follow_one_pattern(client, site):
    assert read_head(client.get("/needling-scars/").content.decode()).title == (
        "Does microneedling help acne scars? — CosMedicList"
    )
    assert read_head(client.get("/category/skin/").content.decode()).title == (
        "Skin — CosMedicList"
    )


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/?utm_source=mail", "https://cosmediclist.example/"),
        ("/needling-scars/?replytocom=5", "https://cosmediclist.example/needling-scars/"),
        ("/category/skin/?x=1", "https://cosmediclist.example/category/skin/"),
        (
            "/procedures/microneedling/?a=b",
            "https://cosmediclist.example/procedures/microneedling/",
        ),
        ("/page/2/?utm=1", "https://cosmediclist.example/page/2/"),
    ],
)
def test_the_canonical_url_drops_query_strings_but_keeps_pagination(
    client, settings, site, url, canonical
):
    settings.SITE_URL = "https://cosmediclist.example"
    settings.POSTS_PER_PAGE = 1
    make_post()

    assert read_head(client.get(url).content.decode()).canonical() == canonical


def test_previews_and_missing_pages_are_noindex_without_a_canonical(client, staff_client):
    make_post(slug="a-draft", published_at=None)
    preview = read_head(staff_client.get("/a-draft/").content.decode())
    assert preview.one("robots") == "noindex"
    assert preview.canonical() is None

    client.logout()
    missing = client.get("/nowhere/")
    assert missing.status_code == HTTPStatus.NOT_FOUND
    head = read_head(missing.content.decode())
    assert head.one("robots") == "noindex"
    assert head.canonical() is None


def test_public_pages_are_indexable(client, site):
    for url in PAGE_TYPES:
        assert "robots" not in read_head(client.get(url).content.decode()).meta, url


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_every_page_announces_the_site_feeds(client, site, url):
    head = read_head(client.get(url).content.decode())
    feeds = {(link["type"], link["href"]) for link in head.links if link.get("rel") == "alternate"}

    assert ("application/rss+xml", "http://testserver/feed/") in feeds
    assert ("application/atom+xml", "http://testserver/feed/atom/") in feeds


@pytest.mark.parametrize(
    ("url", "feed"),
    [
        ("/category/skin/acne/", "http://testserver/category/skin/acne/feed/"),
        ("/tag/collagen/", "http://testserver/tag/collagen/feed/"),
        ("/procedures/microneedling/", "http://testserver/procedures/microneedling/feed/"),
    ],
)
def test_archives_announce_their_own_feed_and_it_works(client, site, url, feed):
    head = read_head(client.get(url).content.decode())
    hrefs = [link["href"] for link in head.links if link.get("rel") == "alternate"]

    assert feed in hrefs
    assert client.get(feed.removeprefix("http://testserver")).status_code == HTTPStatus.OK


def test_an_archive_shares_its_meta_description_with_social_previews(client):
    make_category(slug="long", name="Long", description="word " * 60)

    head = read_head(client.get("/category/long/").content.decode())
    assert head.one("og:description") == head.one("description") == "word " * 40 + "…"
