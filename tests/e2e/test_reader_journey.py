"""A reader on a phone and on a desktop: home → post → category → procedure (and search)."""

import re
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.builders import make_category, make_post
from tests.e2e.support import DESKTOP, PHONE, seed_demo

pytestmark = pytest.mark.django_db(transaction=True)

POST_TITLE = "Does Microneedling Improve Acne Scars?"
POST_PATH = "/does-microneedling-improve-acne-scars/"


def open_menu_if_collapsed(page: Page) -> None:
    """On a phone the main navigation sits behind a plain <details> "Menu"."""
    toggle = page.locator(".menu__toggle")
    if toggle.is_visible():
        toggle.click()


def assert_share_links_point_at(page: Page, url: str, title: str) -> None:
    share = page.get_by_role("region", name="Share This Post")
    expected = {
        "Facebook": ("www.facebook.com", "u", url),
        "X": ("x.com", "url", url),
        "LinkedIn": ("www.linkedin.com", "url", url),
        "Pinterest": ("pinterest.com", "url", url),
        "WhatsApp": ("wa.me", "text", f"{title} {url}"),
    }
    for network, (host, parameter, value) in expected.items():
        link = share.get_by_role("link", name=network, exact=False).first
        href = link.get_attribute("href")
        parts = urlsplit(href)
        assert parts.scheme == "https" and parts.hostname == host, href
        assert parse_qs(parts.query)[parameter] == [value], href
        assert link.get_attribute("target") == "_blank"
        assert "noopener" in link.get_attribute("rel")
    email = urlsplit(share.get_by_role("link", name="Email", exact=False).get_attribute("href"))
    assert email.scheme == "mailto"
    assert parse_qs(email.query) == {"subject": [title], "body": [url]}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_reader_goes_from_home_to_a_post_its_category_and_a_procedure(
    demo_site, open_page, viewport
):
    page = open_page(viewport)

    response = page.goto(demo_site + "/")
    assert response.status == HTTPStatus.OK
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    page.get_by_role("link", name=POST_TITLE).first.click()

    expect(page).to_have_url(demo_site + POST_PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text(POST_TITLE)
    expect(page.locator(".review-line")).to_contain_text("Medically reviewed by")
    expect(page.get_by_role("complementary", name="Microneedling at a glance")).to_be_visible()
    no_horizontal_scroll = "document.documentElement.scrollWidth <= window.innerWidth"
    assert page.evaluate(no_horizontal_scroll)
    assert_share_links_point_at(page, demo_site + POST_PATH, POST_TITLE)

    page.locator(".post__kicker").get_by_role("link", name="Acne & Scarring").click()
    expect(page).to_have_url(demo_site + "/category/skin-treatments/acne-scarring/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Acne & Scarring")
    expect(page.get_by_role("link", name=POST_TITLE)).to_be_visible()
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumb.get_by_role("link", name="Skin Treatments")).to_be_visible()

    open_menu_if_collapsed(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Procedures A–Z").click()
    expect(page).to_have_url(demo_site + "/procedures/")
    page.get_by_role("link", name="Microneedling", exact=True).click()

    expect(page).to_have_url(demo_site + "/procedures/microneedling/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Microneedling")
    facts = page.get_by_role("complementary", name="Microneedling at a glance")
    expect(facts).to_contain_text("About 30 minutes")
    expect(page.get_by_role("link", name=POST_TITLE)).to_be_visible()
    assert page.evaluate(no_horizontal_scroll)


def test_the_phone_menu_opens_and_closes_without_javascript(site_url, open_page, screenshot):
    make_category(name="Skin Treatments", slug="skin-treatments")
    page = open_page(PHONE, java_script_enabled=False)
    page.goto(site_url + "/")
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav).to_be_hidden()

    page.get_by_text("Menu", exact=True).click()
    expect(main_nav.get_by_role("link", name="Skin Treatments")).to_be_visible()
    expect(main_nav.get_by_role("link", name="Procedures A–Z")).to_be_visible()
    screenshot(page, "menu-open")
    page.get_by_text("Menu", exact=True).click()
    expect(main_nav).to_be_hidden()


def test_the_desktop_header_shows_the_navigation_without_a_menu_button(site_url, open_page):
    make_category(name="Skin Treatments", slug="skin-treatments")
    page = open_page(DESKTOP)
    page.goto(site_url + "/")

    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Procedures A–Z")).to_be_visible()
    expect(nav.get_by_role("link", name="Skin Treatments")).to_be_visible()


def test_the_skip_link_moves_keyboard_focus_to_the_content(site_url, open_page):
    post = make_post(body='<p>Read <a href="/procedures/">the procedures</a>.</p>')
    page = open_page(DESKTOP)
    page.goto(site_url + post.get_absolute_url())

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    focused_inside_main = "document.activeElement.closest('main') !== null"
    assert page.evaluate(focused_inside_main)
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2, "keyboard focus must be visible"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_reader_searches_and_opens_a_result(site_url, open_page, viewport):
    page = open_page(viewport)
    seed_demo()
    page.goto(site_url + "/")
    open_menu_if_collapsed(page)

    search = page.get_by_role("searchbox").first
    search.fill("acne scars")
    search.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&](q|s)=acne"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("link", name=POST_TITLE).first.click()
    expect(page).to_have_url(site_url + POST_PATH)


def test_the_copy_link_button_copies_the_post_address(site_url, open_page):
    post = make_post(title="Worth sharing")
    page = open_page(DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + post.get_absolute_url())

    share = page.get_by_role("region", name="Share This Post")
    share.get_by_role("button", name="Copy link").click()

    expect(share.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + post.get_absolute_url()
