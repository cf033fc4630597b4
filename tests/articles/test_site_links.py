"""The menu's top categories and the footer's standing pages, read in one query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.context_processors import SiteLinks
from tests.builders import make_category, make_page

pytestmark = pytest.mark.django_db


def test_menu_and_footer_come_from_one_query():
    skin = make_category(name="Skin", slug="skin")
    make_category(name="Acne", slug="acne", parent=skin)
    make_category(name="Hair", slug="hair")
    make_page(title="Contact us", slug="contact")
    make_page(title="About", slug="about")
    make_page(title="Privacy", slug="privacy-policy", trashed_at=timezone.now())
    make_page(title="Soon", slug="terms", published_at=timezone.now())
    links = SiteLinks()

    with CaptureQueriesContext(connection) as queries:
        menu = links.menu_categories()
        footer = links.footer_pages()

    assert len(queries) == 1
    assert [(c.name, c.get_absolute_url()) for c in menu] == [
        ("Hair", "/category/hair/"),
        ("Skin", "/category/skin/"),
    ]
    # In the footer's own order, live pages only: the trashed one is left out.
    assert footer == [("/about/", "About"), ("/contact/", "Contact")]


def test_a_scheduled_standing_page_is_left_out_of_the_footer_until_its_time():
    make_page(
        title="About", slug="about", published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert SiteLinks().footer_pages() == []
    make_page(title="Contact", slug="contact")
    assert SiteLinks().footer_pages() == [("/contact/", "Contact")]
