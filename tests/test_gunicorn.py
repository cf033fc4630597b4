"""The production server for real: gunicorn with production settings, WhiteNoise, a fresh
database with the demo content. Runs in subprocesses, against its own SQLite file."""

import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus

import pytest

from tests.servers import gunicorn, manage


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    work = tmp_path_factory.mktemp("production")
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DEBUG": "0",
        "SECRET_KEY": "gunicorn-test-key-" + "k7" * 24,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "1",
        "BEHIND_TLS_PROXY": "1",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "GUNICORN_WORKERS": "2",
    }
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["seed_demo"]):
        manage(env, *command)
    with gunicorn(env, work / "gunicorn.log") as base:
        yield base


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


def fetch(url: str, scheme: str = "https") -> Answer:
    """A request as a TLS-terminating proxy in front of gunicorn would pass it on."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": scheme})
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return Answer(response.status, response.headers, response.read())


def test_gunicorn_serves_the_demo_site_with_security_headers(production_server):
    response = fetch(production_server + "/does-microneedling-improve-acne-scars/")

    assert response.status == HTTPStatus.OK
    html = response.text
    assert "Does Microneedling Improve Acne Scars?" in html
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]


def test_plain_http_is_redirected_to_https(production_server):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(production_server + "/", headers={"X-Forwarded-Proto": "http"})
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(request, timeout=10)
    answer.value.close()

    assert answer.value.status == HTTPStatus.MOVED_PERMANENTLY
    assert answer.value.headers["Location"].startswith("https://127.0.0.1")


def test_gunicorn_serves_hashed_static_files_for_a_year(production_server):
    html = fetch(production_server + "/").text
    stylesheet = html.split('rel="stylesheet" href="')[1].split('"')[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"

    response = fetch(production_server + stylesheet)

    assert response.status == HTTPStatus.OK
    assert "max-age=315360000" in response.headers["Cache-Control"]


def test_gunicorn_serves_featured_images_and_friendly_404s(production_server):
    html = fetch(production_server + "/").text
    image = html.split('<img src="')[1].split('"')[0]

    assert fetch(production_server + image).status == HTTPStatus.OK
    missing = fetch(production_server + "/no-such-page/")
    assert missing.status == HTTPStatus.NOT_FOUND
    assert "We couldn’t find that page" in missing.text
