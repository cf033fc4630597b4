"""Browser tests: Playwright driving the machine's Chromium against a live server.

One Chromium is started for the whole session; every test gets fresh browser contexts. The
browser can only reach loopback: other host names resolve to nothing and everything else goes
to a dead proxy. On top of that, every page records each request to another host, each console
error and each uncaught script error, and the test fails if there were any.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from .support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, LOCAL_HOSTS, SCREENSHOTS, seed_demo

_screenshots_taken: list[Path] = []


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests run after every other test, once in CI, and are skipped without Chromium."""
    here = Path(__file__).parent
    browser_tests = [item for item in items if here in item.path.parents]
    items[:] = [item for item in items if here not in item.path.parents] + browser_tests
    for item in browser_tests:
        item.add_marker(pytest.mark.once)
    if not CHROMIUM.exists():
        skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
        for item in browser_tests:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if _screenshots_taken:
        terminalreporter.write_line(
            f"Screenshots ({len(_screenshots_taken)}): {SCREENSHOTS}", bold=True
        )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API keeps an event loop running in the test thread from here to the
    # end of the session, which Django's async-safety check would take for async code; the
    # browser tests run last (see above), so no other test runs under this setting.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1,localhost"},
        )
        yield chromium
        chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class PageGuard:
    """What a page did that it must not: requests to other hosts, console errors, crashes."""

    def __init__(self) -> None:
        self.foreign_requests: list[str] = []
        self.errors: list[str] = []
        self._documents: set[str] = set()
        self._tolerated: list[tuple[str, str]] = []

    def tolerate(self, script_path: str, message_start: str) -> None:
        """Accept one known console error from one script (say why where it is called)."""
        self._tolerated.append((script_path, message_start))

    def watch(self, page: Page) -> Page:
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        return page

    def _on_request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.hostname not in LOCAL_HOSTS:
            self.foreign_requests.append(request.url)

    def _on_response(self, response) -> None:
        if response.request.resource_type == "document":
            self._documents.add(response.url)

    def _on_console(self, message) -> None:
        url = message.location.get("url", "")
        if message.type != "error":
            return
        if url in self._documents and message.text.startswith("Failed to load resource"):
            return  # a page's own status (a 404 page under test): the test checks it
        for script_path, message_start in self._tolerated:
            if urlsplit(url).path == script_path and message.text.startswith(message_start):
                return
        self.errors.append(f"{url}: {message.text}")


@pytest.fixture
def page_guard() -> PageGuard:
    return PageGuard()


@pytest.fixture
def open_page(browser: Browser, page_guard: PageGuard) -> Iterator[Callable[..., Page]]:
    """open_page(viewport=PHONE, **context_options) -> a new page in a fresh context."""
    contexts = []

    def _open(viewport: dict | None = None, **options) -> Page:
        context = browser.new_context(viewport=viewport or DESKTOP, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return page_guard.watch(context.new_page())

    yield _open
    for context in contexts:
        context.close()
    foreign = "\n".join(page_guard.foreign_requests)
    assert not page_guard.foreign_requests, f"requests to hosts other than the site:\n{foreign}"
    errors = "\n".join(page_guard.errors)
    assert not page_guard.errors, f"console or script errors:\n{errors}"


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.fixture
def screenshot(screenshot_dir: Path) -> Callable[[Page, str], Path]:
    def _take(page: Page, name: str) -> Path:
        width = page.viewport_size["width"] if page.viewport_size else 0
        path = screenshot_dir / f"{name}-{width}.png"
        page.screenshot(path=path, full_page=True, animations="disabled")
        _screenshots_taken.append(path)
        return path

    return _take


@pytest.fixture
def site_url(live_server, settings) -> str:
    """The live server's base URL; absolute links use it too."""
    settings.SITE_URL = ""
    return live_server.url


@pytest.fixture
def demo_site(site_url: str) -> str:
    """The demo content, served by the live server; returns its base URL."""
    seed_demo()
    return site_url
