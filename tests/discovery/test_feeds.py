import datetime
from http import HTTPStatus

import feedparser
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.builders import make_category, make_post, make_procedure, make_tag, make_user
from tests.discovery.builders import make_post_with_image

pytestmark = pytest.mark.django_db

FEEDS = ["/feed/", "/feed/atom/"]


def _hours_ago(hours: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)


def _parse(client, url: str):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return parsed


@pytest.fixture
def topics():
    skin = make_category(name="Skin", slug="skin")
    acne = make_category(name="Acne & scars", slug="acne", parent=skin)
    tag = make_tag(name="collagen", slug="collagen")
    needling = make_procedure(name="Microneedling", slug="microneedling")
    return skin, acne, tag, needling


def test_every_feed_parses_cleanly_and_lists_published_posts_newest_first(client, topics):
    skin, acne, tag, needling = topics
    old = make_post(
        title="Old",
        published_at=_hours_ago(30),
        categories=[acne],
        tags=[tag],
        procedures=[needling],
    )
    new = make_post(
        title="New & improved",
        published_at=_hours_ago(2),
        categories=[skin],
        tags=[tag],
        procedures=[needling],
    )
    middle = make_post(
        title="Middle",
        published_at=_hours_ago(10),
        categories=[acne],
        tags=[tag],
        procedures=[needling],
    )
    expected = [new.title, middle.title, old.title]

    for url in [
        *FEEDS,
        "/category/skin/feed/",
        "/tag/collagen/feed/",
        "/procedures/microneedling/feed/",
    ]:
        parsed = _parse(client, url)
        assert [entry.title for entry in parsed.entries] == expected, url
    acne_feed = _parse(client, "/category/skin/acne/feed/")
    assert [entry.title for entry in acne_feed.entries] == [middle.title, old.title]


def test_drafts_and_scheduled_posts_never_appear_in_any_feed(client, topics):
    _skin, acne, tag, needling = topics
    common = {"categories": [acne], "tags": [tag], "procedures": [needling]}
    make_post(title="Live one", **common)
    make_post(title="Secret draft", slug="secret-draft", published_at=None, **common)
    make_post(
        title="Coming later",
        slug="coming-later",
        published_at=timezone.now() + datetime.timedelta(days=1),
        **common,
    )

    for url in [
        *FEEDS,
        "/category/skin/acne/feed/",
        "/tag/collagen/feed/",
        "/procedures/microneedling/feed/",
    ]:
        body = client.get(url).content.decode()
        assert "Live one" in body, url
        for hidden in ("Secret draft", "secret-draft", "Coming later", "coming-later"):
            assert hidden not in body, (url, hidden)


def test_a_scheduled_post_joins_the_feed_when_its_time_comes(client):
    due = timezone.now() + datetime.timedelta(hours=3)
    make_post(title="Scheduled", published_at=due)
    assert "Scheduled" not in client.get("/feed/").content.decode()
    with time_machine.travel(due + datetime.timedelta(minutes=1)):
        titles = [e.title for e in _parse(client, "/feed/").entries]
    assert titles == ["Scheduled"]


def test_feed_items_carry_author_name_dates_categories_and_summary_but_never_an_email(client):
    author = make_user(first_name="Casey", last_name="Quill", email="casey.private@example.com")
    category = make_category(name="Peels")
    post = make_post(
        author=author,
        categories=[category],
        excerpt="Short summary.",
        body="<p>The whole article.</p>",
        published_at=_hours_ago(5),
    )
    for url in FEEDS:
        response = client.get(url)
        assert b"casey.private" not in response.content
        assert b"@example.com" not in response.content
        entry = feedparser.parse(response.content).entries[0]
        assert entry.author == "Casey Quill"
        assert entry.link == "http://testserver/" + post.slug + "/"
        assert entry.summary == "Short summary."
        assert [t.term for t in entry.tags] == ["Peels"]
        assert entry.published_parsed is not None
        assert "The whole article." in entry.content[0].value


def test_full_content_can_be_turned_off(client, settings):
    settings.FEEDS_FULL_CONTENT = False
    make_post(excerpt="Only this.", body="<p>Not in the feed.</p>")

    for url in FEEDS:
        body = client.get(url).content.decode()
        assert "Only this." in body
        assert "Not in the feed." not in body


def test_links_inside_the_content_become_absolute(client, settings):
    settings.SITE_URL = "https://cosmediclist.example"
    make_post(body='<p><a href="/procedures/prp/">PRP</a> <img src="/media/x.png" alt="x"></p>')

    entry = _parse(client, "/feed/").entries[0]
    content = entry.content[0].value
    assert 'href="https://cosmediclist.example/procedures/prp/"' in content
    assert 'src="https://cosmediclist.example/media/x.png"' in content
    assert entry.link.startswith("https://cosmediclist.example/")


def test_the_guid_survives_edits_and_slug_changes(client):
    post = make_post(title="First title", slug="first-slug")
    before = {url: _parse(client, url).entries[0].id for url in FEEDS}

    post.title, post.slug = "Second title", "second-slug"
    post.save()
    after = {url: _parse(client, url).entries[0].id for url in FEEDS}

    assert before == after
    assert "first-slug" not in before["/feed/"]


def test_the_featured_image_is_an_enclosure_with_length_and_type(client):
    post = make_post_with_image()

    for url in FEEDS:
        entry = _parse(client, url).entries[0]
        enclosure = entry.enclosures[0]
        assert enclosure.href == "http://testserver" + post.featured_image.url
        assert enclosure.type == "image/png"
        assert int(enclosure.length) == post.featured_image.size > 0


def test_feeds_of_unknown_categories_tags_and_procedures_are_404(client):
    for url in ["/category/nope/feed/", "/tag/nope/feed/", "/procedures/nope/feed/"]:
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url


def _fill(count: int, category, tag, procedure) -> None:
    author = make_user()
    for n in range(count):
        post = make_post_with_image(
            author=author,
            published_at=_hours_ago(n + 1),
            categories=[category],
            tags=[tag],
            procedures=[procedure],
        )
        post.categories.add(make_category())


@pytest.mark.parametrize(
    "url",
    [
        "/feed/",
        "/feed/atom/",
        "/category/skin/feed/",
        "/tag/collagen/feed/",
        "/procedures/microneedling/feed/",
    ],
)
def test_a_feed_costs_the_same_number_of_queries_for_few_or_many_posts(
    client, topics, url, django_assert_num_queries
):
    skin, _acne, tag, needling = topics
    _fill(2, skin, tag, needling)

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == HTTPStatus.OK
    _fill(12, skin, tag, needling)
    with django_assert_num_queries(len(few)):
        response = client.get(url)
    assert len(feedparser.parse(response.content).entries) == 14


def test_feeds_answer_only_get_and_head(client):
    make_post()
    assert client.head("/feed/").status_code == HTTPStatus.OK
    assert client.post("/feed/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_a_category_cannot_take_the_slug_of_its_feed(staff_client):
    response = staff_client.post("/admin/articles/category/add/", {"name": "Feed", "slug": "feed"})

    assert response.status_code == HTTPStatus.OK
    assert "the address of each category" in response.content.decode()
