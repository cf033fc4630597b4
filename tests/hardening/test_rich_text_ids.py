"""Ids in rich text can never take one of the layout's ids (the comment script finds the form
by id; a post body with `<a id="respond">` would take it over)."""

import re

import pytest

from articles.markup import clean_html, table_of_contents
from tests.builders import make_post

LAYOUT_IDS = ["respond", "comments", "content", "comments-title", "reply-title", "site-search"]


def _ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]*)"', html)


@pytest.mark.parametrize("layout_id", LAYOUT_IDS)
@pytest.mark.parametrize("tag", ["a", "h2", "h3", "h4"])
def test_no_rich_text_id_takes_a_layout_id(tag, layout_id):
    html = clean_html(f'<{tag} id="{layout_id}">x</{tag}>')

    assert _ids(html) and layout_id not in _ids(html)


@pytest.mark.parametrize("value", ["comment-12", "comment-12-author", "id_body", "letter-a"])
def test_ids_of_the_layouts_generated_families_are_not_taken_either(value):
    html = clean_html(f'<a id="{value}">x</a><h2>{value}</h2>')

    assert not set(_ids(html)) & {value}
    assert len(set(_ids(html))) == 2


def test_link_ids_are_slugs_unique_with_the_headings():
    html = clean_html(
        '<h2>Aftercare</h2><a id="Aftercare" href="#aftercare">x</a><h4 id="a&quot;b">y</h4>'
    )

    assert _ids(html) == ["aftercare", "aftercare-2", "ab"]


def test_heading_anchors_and_the_table_of_contents_keep_working():
    html = clean_html('<h2>Recovery</h2><p><a href="#recovery">see recovery</a></p>')

    assert table_of_contents(html) == [("recovery", "Recovery")]
    assert 'href="#recovery"' in html


@pytest.mark.django_db
def test_a_post_page_has_each_layout_id_once_whatever_the_body(client):
    body = "".join(f'<a id="{i}">x</a><h2 id="{i}">{i}</h2><h3>{i}</h3>' for i in LAYOUT_IDS)
    post = make_post(body=body)

    page = client.get(post.get_absolute_url()).content.decode()

    for layout_id in ["respond", "comments", "content"]:
        assert page.count(f'id="{layout_id}"') == 1
