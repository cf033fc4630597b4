"""A site made from WordPress's theme unit test data, read as a reader would: start at the home
page, follow every link on our own host, and find no address that answers with an error.

The export is the one theme authors test against: every kind of post, page, term, author and
comment WordPress knows, including odd logins and trashed items (skipped where absent)."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from articles.models import AuthorProfile, Post

from .helpers import run_import, shared_wxr_dir

THEME_UNIT = shared_wxr_dir() / "themeunittestdata.wordpress.xml"
HOST = "testserver"
MAX_PAGES = 4000

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not THEME_UNIT.is_file(), reason=f"no theme unit test data at {THEME_UNIT}"),
]


class Links(HTMLParser):
    """The href of every <a> and <link> element of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "link"):
            href = dict(attrs).get("href")
            if href:
                self.found.append(href)


def _internal(base: str, href: str) -> str | None:
    """The path and query of a link on our own host, or None for anything else."""
    url = urlsplit(urljoin(f"http://{HOST}{base}", href.strip()))
    if url.scheme not in ("http", "https") or url.hostname != HOST:
        return None
    if url.path.startswith(("/static/", "/media/")):
        return None  # files, served by WhiteNoise and the storage in production, not pages
    return url.path + (f"?{url.query}" if url.query else "")


@dataclass
class Crawl:
    client: Client
    seen: dict[str, int] = field(default_factory=dict)
    broken: list[tuple[str, str, int]] = field(default_factory=list)

    def fetch(self, path: str) -> tuple[int, str, str]:
        """(final status, final path, body), following our own redirects."""
        for _ in range(10):
            response = self.client.get(path)
            if response.status_code not in (301, 302, 303, 307, 308):
                return response.status_code, path, response.content.decode("utf-8", "replace")
            target = _internal(path, response["Location"])
            if target is None:
                return HTTPStatus.OK, path, ""  # it leaves the site: not ours to check
            path = target
        return HTTPStatus.LOOP_DETECTED, path, ""

    def run(self, start: str = "/") -> None:
        queue: list[tuple[str, str]] = [(start, "(start)")]
        while queue and len(self.seen) < MAX_PAGES:
            path, linked_from = queue.pop(0)
            if path in self.seen:
                continue
            status, final, body = self.fetch(path)
            self.seen[path] = status
            if status >= 400:
                self.broken.append((path, linked_from, status))
                continue
            if not body or final.startswith(("/feed", "/comments/feed")) or "<html" not in body:
                continue
            parser = Links()
            parser.feed(body)
            for href in parser.found:
                target = _internal(final, href)
                if target and target.split("#")[0] not in self.seen:
                    queue.append((target.split("#")[0], final))


def test_every_internal_link_of_an_imported_theme_unit_site_answers():
    run_import(THEME_UNIT)
    crawl = Crawl(Client())

    crawl.run()

    assert crawl.broken == [], "\n".join(f"{s} {p} (linked from {f})" for p, f, s in crawl.broken)
    assert len(crawl.seen) < MAX_PAGES, "the crawl did not finish"
    authors = [p.get_absolute_url() for p in AuthorProfile.objects.with_public_page()]
    assert len(authors) >= 2
    assert {url: crawl.seen.get(url) for url in authors} == dict.fromkeys(authors, 200)
    posts = [post.get_absolute_url() for post in Post.objects.published()]
    assert {url: crawl.seen.get(url) for url in posts} == dict.fromkeys(posts, 200)
    assert any(path.startswith("/category/") for path in crawl.seen)
    assert any(path.startswith("/tag/") for path in crawl.seen)


def test_imported_authors_are_named_and_addressed_by_their_display_name(client):
    run_import(THEME_UNIT)

    profiles = {p.user.username: p for p in AuthorProfile.objects.select_related("user")}

    assert profiles["themedemos"].public_slug == "theme-buster"
    assert profiles["themereviewteam"].name == "Theme Reviewer"
    for login, profile in profiles.items():
        assert profile.public_slug != login.lower()
        assert re.fullmatch(r"[-a-z0-9_]+", profile.public_slug), profile.public_slug
    response = client.get("/author/theme-buster/")
    assert response.status_code == HTTPStatus.OK
    assert "themedemos" not in response.content.decode()
