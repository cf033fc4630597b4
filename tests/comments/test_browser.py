"""The reply form in a real Chromium, with the site's strict CSP: moved inline by
comments.js, filled from the remembered details, and no console errors. Runs where
Playwright and Chromium are installed."""

import os
import shutil
from contextlib import ExitStack

import pytest

from tests.builders import make_post
from tests.comments.builders import make_comment

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed"),
]
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


@pytest.fixture
def open_page(monkeypatch, short_lived_connections):
    """Start Chromium only once the test's data is in place: once Playwright runs, the test's
    code no longer shares its database connection with pytest-django (greenlet contexts), so
    tests touch the database before calling this, never after."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    stack = ExitStack()

    def start():
        playwright = stack.enter_context(sync_api.sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        stack.callback(browser.close)
        page = browser.new_page()
        page.console_messages = []
        page.on("console", lambda m: page.console_messages.append(f"{m.type}: {m.text}"))
        return page

    yield start
    stack.close()


def test_the_reply_link_moves_the_form_under_the_comment_and_cancel_brings_it_back(
    live_server, open_page
):
    post = make_post(slug="needling")
    first = make_comment(post, author_name="Priya")
    page = open_page()

    page.goto(f"{live_server.url}/needling/")
    page.click(f"a.comment__reply[data-reply-to='{first.pk}']")

    assert page.input_value("input[name=parent]") == str(first.pk)
    assert page.evaluate(
        f"document.getElementById('comment-{first.pk}').contains(document.getElementById('respond'))"
    )
    assert "Leave a Reply to Priya" in " ".join(page.text_content("#reply-title").split())
    assert page.url.endswith("/needling/")  # no reload

    page.click("#cancel-comment-reply-link")

    assert page.input_value("input[name=parent]") == ""
    assert not page.evaluate(
        f"document.getElementById('comment-{first.pk}').contains(document.getElementById('respond'))"
    )
    assert page.console_messages == []


def test_remembered_details_fill_the_form_on_the_next_visit(live_server, open_page, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    make_post(slug="needling")
    page = open_page()

    page.goto(f"{live_server.url}/needling/")
    page.fill("#id_body", "A question from the browser")
    page.fill("#id_author_name", "Browser Person")
    page.fill("#id_author_email", "browser.person@example.net")
    page.check("#id_remember")
    page.click(".comment-form button[type=submit]")
    page.wait_for_load_state()

    assert "Your comment is awaiting moderation." in page.content()
    page.goto(f"{live_server.url}/needling/")
    assert page.input_value("#id_author_name") == "Browser Person"
    assert page.input_value("#id_author_email") == "browser.person@example.net"
    assert page.is_checked("#id_remember")
    assert page.console_messages == []
