"""Procedures and standing pages are found next to posts, with their type; an exact procedure
name or alias puts that procedure first; drafts never appear; the query count is constant."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_page, make_post, make_procedure

pytestmark = pytest.mark.django_db


def others(client, q):
    html = client.get("/search/", {"q": q}).content.decode()
    section = html.split('id="search-others-title"', 1)[1].split("</section>", 1)[0] if (
        'id="search-others-title"' in html) else ""  # fmt: skip
    pattern = r'card__kicker">(\w+)</p>\s*<h3 class="search-result__title"><a href="([^"]+)"'
    return re.findall(pattern, section)


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
    html = client.get("/search/", {"q": "collagen induction therapy"}).content.decode()
    assert "/cit-explained/" in html  # posts still listed


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
