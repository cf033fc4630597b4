"""Procedures and standing pages are found with the posts, ranked in one list with their type;
an exact procedure name or alias puts that procedure first; drafts never appear; the query count
is constant."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_page, make_post, make_procedure

pytestmark = pytest.mark.django_db


def results(client, q, **params):
    """(type, address) of each result, in the order shown."""
    html = client.get("/search/", {"q": q, **params}).content.decode()
    pattern = r'card__kicker">(\w+)[^\n]*</p>\s*<h2 class="search-result__title"><a href="([^"]+)"'
    return re.findall(pattern, html)


def others(client, q):
    return [found for found in results(client, q) if found[0] != "Article"]


@pytest.fixture
def site():
    make_procedure(name="Microneedling", slug="microneedling",
                   aliases="collagen induction therapy\nskin needling",
                   summary="Fine needles prompt new collagen.")  # fmt: skip
    make_procedure(
        name="Radiofrequency",
        slug="radiofrequency",
        summary="Heat that tightens skin; a collagen induction therapy of its own.",
    )
    make_post(title="Collagen induction therapy explained", slug="cit-explained",
              body="<p>Collagen induction therapy is microneedling.</p>")  # fmt: skip
    make_page(slug="aftercare", title="Aftercare", body="<p>Avoid sun exposure for a week.</p>")
    make_page(slug="secret", title="Secret", body="<p>Avoid sun exposure draft.</p>",
              published_at=None)  # fmt: skip


def test_an_exact_alias_puts_the_procedure_first(client, site):
    found = others(client, "collagen induction therapy")
    assert found[0] == ("Procedure", "/procedures/microneedling/")
    assert ("Procedure", "/procedures/radiofrequency/") in found
    # One list: the post with every word in its title ranks above the procedure that has
    # them in its summary only.
    assert results(client, "collagen induction therapy") == [
        ("Procedure", "/procedures/microneedling/"),
        ("Article", "/cit-explained/"),
        ("Procedure", "/procedures/radiofrequency/"),
    ]


def test_later_pages_are_numbered_after_the_procedures_and_pages(client, site, settings):
    settings.POSTS_PER_PAGE = 1
    make_post(title="Collagen after care", slug="collagen-after", body="<p>Collagen.</p>")

    first = client.get("/search/", {"q": "collagen"}).content.decode()
    second = client.get("/search/", {"q": "collagen", "page": 2}).content.decode()

    assert "4 results" in first  # two posts, two procedures
    assert [kind for kind, _url in results(client, "collagen", page=2)] == ["Article"]
    assert '<ol class="search-results" start="4">' in second


def test_a_page_is_found_by_its_text_and_a_draft_page_never(client, site):
    assert others(client, "sun exposure") == [("Page", "/aftercare/")]


def test_words_left_out_are_respected(client, site):
    assert ("Procedure", "/procedures/radiofrequency/") not in others(client, "collagen -heat")


def test_the_query_count_does_not_grow_with_the_matches(client, site):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/search/", {"q": "collagen"})
        return len(queries)

    before = count()
    for n in range(5):
        make_procedure(name=f"Collagen thing {n}", slug=f"collagen-{n}")
        make_page(slug=f"collagen-page-{n}", title=f"Collagen page {n}")
    assert count() == before
