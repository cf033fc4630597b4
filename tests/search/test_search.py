import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.utils import timezone

from tests.builders import make_category, make_post, make_procedure
from tests.search.results import result_titles

pytestmark = pytest.mark.django_db


def test_a_title_match_ranks_above_a_body_only_match(client):
    make_post(
        title="What to expect after a chemical peel",
        body="<p>Plenty of words about microneedling and microneedling again, microneedling.</p>",
    )
    make_post(title="Microneedling explained", body="<p>A short introduction.</p>")

    assert result_titles(client, "microneedling") == [
        "Microneedling explained",
        "What to expect after a chemical peel",
    ]


def test_search_finds_other_forms_of_a_word(client):
    make_post(title="Treating a single scar", body="<p>One raised mark on the cheek.</p>")
    make_post(title="Unrelated", body="<p>Nothing about marks left by acne.</p>")

    assert result_titles(client, "scars") == ["Treating a single scar"]
    assert result_titles(client, "treated") == ["Treating a single scar"]


def test_an_alias_of_a_procedure_finds_the_posts_about_it(client):
    needling = make_procedure(name="Microneedling", aliases="collagen induction therapy\nCIT")
    make_post(title="Does it help acne?", body="<p>Short answer: often.</p>", procedures=[needling])
    make_post(title="Peels for dull skin", body="<p>An acid does the work.</p>")

    assert result_titles(client, "collagen induction therapy") == ["Does it help acne?"]
    assert result_titles(client, '"induction therapy"') == ["Does it help acne?"]


def test_drafts_and_scheduled_posts_never_appear_in_results(client):
    make_post(title="Microneedling, live", slug="live")
    make_post(title="Microneedling, a draft", slug="draft", published_at=None)
    due = timezone.now() + datetime.timedelta(days=1)
    make_post(title="Microneedling, scheduled", slug="scheduled", published_at=due)

    response = client.get("/search/", {"q": "microneedling"})

    assert [hit.post.title for hit in response.context["hits"]] == ["Microneedling, live"]
    assert response.context["count"] == 1
    assert b"a draft" not in response.content
    assert b"scheduled" not in response.content
    with time_machine.travel(due + datetime.timedelta(minutes=1)):
        assert len(result_titles(client, "microneedling")) == 2


def test_home_page_without_a_search_is_unchanged(client):
    make_post(title="Microneedling at home")

    response = client.get("/")

    assert "hits" not in response.context
    assert b"Microneedling at home" in response.content
    assert b'content="noindex"' not in response.content


def test_results_pages_are_not_indexed_by_search_engines(client):
    for terms in ["", "microneedling", "!!!"]:
        response = client.get("/search/", {"q": terms})
        assert b'<meta name="robots" content="noindex">' in response.content
        assert response["X-Robots-Tag"] == "noindex"


def test_every_page_has_a_labelled_search_box_in_its_header(client):
    post = make_post(title="A post")

    for url in ["/", post.get_absolute_url(), "/procedures/", "/search/"]:
        html = client.get(url).content.decode()
        header = html.split('<header class="site-header">')[1].split("</header>")[0]
        assert '<form role="search" class="search-form" action="/search/"' in header, url
        assert '<label class="visually-hidden" for="site-search">' in header, url
        assert 'name="q"' in header, url


def test_matches_are_marked_in_the_snippet(client):
    make_post(
        title="Aftercare", body="<p>Keep the treated skin clean and avoid sun for a week.</p>"
    )

    html = client.get("/search/", {"q": "sun"}).content.decode()

    assert "<mark>sun</mark>" in html


def test_script_in_post_text_is_escaped_in_results(client):
    make_post(
        title="<script>alert('title')</script> scars",
        body="<p>My scars heal &lt;img src=x onerror=alert(1)&gt; slowly, scars.</p>",
        excerpt="<script>alert('excerpt')</script>",
    )

    html = client.get("/search/", {"q": "scars"}).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;title&#x27;)" in html
    assert "<img src=x" not in html
    assert "<mark>scars</mark> heal &lt;img src=x onerror=alert(1)&gt; slowly" in html


def test_script_in_the_query_is_escaped(client):
    make_post(title="Scars", body="<p>scars and script</p>")

    for terms in ["<script>alert(1)</script>", "scars <script>alert(1)</script>"]:
        html = client.get("/search/", {"q": terms}).content.decode()
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_forged_highlight_markers_in_post_text_are_removed(client):
    make_post(title="Marker", body="<p>\ue000<b>bold</b>\ue001 scars</p>")

    html = client.get("/search/", {"q": "scars"}).content.decode()

    assert "\ue000" not in html
    assert "<mark>bold" not in html


def test_results_show_their_number_and_are_paginated(client, settings):
    settings.POSTS_PER_PAGE = 2
    for n in range(5):
        make_post(title=f"Peel diary {n}")

    first = client.get("/search/", {"q": "peel"})
    third = client.get("/search/", {"q": "peel", "page": 3})

    assert "5 results for “peel”" in first.content.decode()
    assert len(first.context["hits"]) == 2
    assert len(third.context["hits"]) == 1
    assert 'href="/search/?q=peel&amp;page=2"' in first.content.decode()
    assert {h.post.pk for h in first.context["hits"]}.isdisjoint(
        {h.post.pk for h in third.context["hits"]}
    )


def test_pages_run_from_title_and_excerpt_matches_to_body_only_matches(client, settings):
    settings.POSTS_PER_PAGE = 3
    ahead = {
        make_post(title=f"Dermaplaning diary {n}", body="<p>Day one.</p>").pk for n in range(3)
    }
    ahead.add(make_post(title="A smoother face", excerpt="Why dermaplaning helps.").pk)
    behind = {
        make_post(title=f"Facial notes {n}", body=f"<p>{n} weeks after dermaplaning.</p>").pk
        for n in range(4)
    }
    make_post(title="Unrelated", body="<p>Peels and fillers.</p>")

    pages = [
        [
            hit.post.pk
            for hit in client.get("/search/", {"q": "dermaplaning", "page": n}).context["hits"]
        ]
        for n in (1, 2, 3)
    ]

    assert [len(page) for page in pages] == [3, 3, 2]
    found = [pk for page in pages for pk in page]
    assert set(found[:4]) == ahead
    assert set(found[4:]) == behind


def test_a_post_with_one_of_the_words_in_its_title_ranks_above_body_only_matches(client):
    make_post(title="Facial notes", body="<p>Dermaplaning once, and the downtime was nil.</p>")
    make_post(title="Dermaplaning at home", body="<p>Expect some downtime, but little.</p>")
    make_post(title="Downtime, honestly", body="<p>What dermaplaning did to my week.</p>")
    make_post(
        title="Skin diary", body="<p>More dermaplaning: downtime, dermaplaning, downtime.</p>"
    )

    titles = result_titles(client, "dermaplaning downtime")

    assert set(titles[:2]) == {"Dermaplaning at home", "Downtime, honestly"}
    assert set(titles[2:]) == {"Facial notes", "Skin diary"}


def test_excluding_a_word_or_a_phrase_leaves_out_exactly_those_posts(client):
    make_post(title="Laser resurfacing for scars", body="<p>Fractional laser, ablative.</p>")
    make_post(title="Gentle laser for redness", body="<p>Non-ablative light.</p>")
    make_post(title="Laser hair removal", body="<p>Fractional laser is not used here.</p>")

    assert set(result_titles(client, "laser -fractional")) == {"Gentle laser for redness"}
    assert set(result_titles(client, 'laser -"fractional laser" -redness')) == set()
    assert set(result_titles(client, 'laser -"laser fractional"')) == {
        "Laser resurfacing for scars",
        "Gentle laser for redness",
        "Laser hair removal",
    }
    # Excluding a word too common to be indexed excludes nothing.
    assert len(result_titles(client, "laser -the")) == 3


def test_a_page_number_that_is_not_a_number_shows_a_page_of_results(client):
    make_post(title="Peel diary")

    for page in ["x", "-1", "999999999999999999999", "0"]:
        response = client.get("/search/", {"q": "peel", "page": page})
        assert response.status_code == HTTPStatus.OK


def test_phrases_exclusions_and_or_work(client):
    make_post(title="Acne scars and microneedling")
    make_post(title="Scars from acne, treated with a peel")
    make_post(title="Fillers for lips")

    assert set(result_titles(client, '"acne scars"')) == {"Acne scars and microneedling"}
    assert set(result_titles(client, "scars -peel")) == {"Acne scars and microneedling"}
    assert set(result_titles(client, "lips or peel")) == {
        "Scars from acne, treated with a peel",
        "Fillers for lips",
    }


def test_no_results_suggest_categories_and_procedures(client):
    category = make_category(name="Skin Treatments")
    procedure = make_procedure(name="Chemical peel")
    make_post(title="Peels", categories=[category], procedures=[procedure])

    response = client.get("/search/", {"q": "zzyzx"})
    html = response.content.decode()

    assert response.context["count"] == 0
    assert "Nothing matches “zzyzx”" in html
    assert f'href="{category.get_absolute_url()}"' in html
    assert f'href="{procedure.get_absolute_url()}"' in html


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("", "Type a word or two"),
        ("   ", "Type a word or two"),
        ("?!…—.,;:", "Try searching with words"),
        ("-scars", "Try searching with words"),
        ("scars " * 40, "That search is too long"),
    ],
)
def test_unsearchable_queries_get_a_friendly_answer(client, terms, message):
    make_post(title="Scars")

    response = client.get("/search/", {"q": terms})

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()


MALFORMED = [
    '"unbalanced quote',
    'scars "',
    '""',
    "OR",
    "or or or",
    "- - -",
    "-",
    "AND NOT OR",
    "NEAR(",
    "NEAR(scars acne, 2)",
    "title:scars",
    "col:term",
    "{title body}: scars",
    "scar*",
    "*",
    "^scars",
    "^",
    "scars AND",
    "(scars",
    "scars)",
    "scars\x00acne",
    "\x00",
    "%00",
    "\ud7ff\ue000\ue001",
    "scars 瘢痕 шрамы ندبات 흉터 😀 צלקות",
    "' OR 1=1 --",
    "'; DROP TABLE articles_post; --",
    "\\",
    "x" * 10_240,
    "scars " * 2000,
    "&<>'\"",
    "!<>:*",
    "the",
    "to be or not to be",
    '"of the"',
]


@pytest.mark.parametrize("terms", MALFORMED)
def test_malformed_queries_never_cause_an_error(client, terms):
    make_post(title="Scars", body="<p>acne scars</p>")

    for url, name in [("/search/", "q"), ("/", "s")]:
        response = client.get(url, {name: terms})
        assert response.status_code == HTTPStatus.OK, terms
        assert b"Traceback" not in response.content


def test_a_null_byte_in_the_raw_query_string_is_harmless(client):
    make_post(title="Scars")

    response = client.get("/search/?q=sc%00ars%22&page=%00")

    assert response.status_code == HTTPStatus.OK


def test_searching_takes_the_same_number_of_queries_for_more_results(
    client, django_assert_num_queries
):
    category = make_category(name="Skin")

    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": "microneedling"})
        assert response.status_code == HTTPStatus.OK
        return len(queries)

    make_post(title="Microneedling one", categories=[category])
    few = count_queries()
    for n in range(8):
        make_post(title=f"Microneedling {n}", categories=[category])
    with django_assert_num_queries(few):
        client.get("/search/", {"q": "microneedling"})
