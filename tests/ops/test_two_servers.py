"""Two gunicorn servers behind HAProxy (deploy/haproxy.cfg), on one PostgreSQL through
PgBouncer in transaction mode and one Redis: what one server does, the other shows at once,
and the comment flood limit holds across both."""

import http.client
import os
import re
import urllib.parse
import uuid
from contextlib import ExitStack
from http import HTTPStatus

import pytest

from tests.ops.stack import haproxy, pgbouncer
from tests.servers import gunicorn, manage, postgres_cluster, redis_server

pytestmark = pytest.mark.once

POST = "/does-microneedling-improve-acne-scars/"
PASSWORD = "a-long-password-for-the-two-server-test"


class Browser:
    """Requests to one base URL with cookies kept by hand (they are Secure, the test is not)."""

    def __init__(self, base: str, **headers: str) -> None:
        self.base = urllib.parse.urlsplit(base)
        self.cookies: dict[str, str] = {}
        self.headers = {"User-Agent": "Mozilla/5.0 (two-server test)", **headers}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=20)
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        text = response.read().decode()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        connection.close()
        return response.status, response.headers, text


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def comment_form(browser: Browser, body: str) -> dict:
    _status, _headers, html = browser.request("GET", POST)
    return {
        "action": re.search(r'action="(/comments/post/\d+/)"', html).group(1),
        "token": re.search(r'name="token" value="([^"]+)"', html).group(1),
        "body": body,
        "author_name": "Visitor",
        "author_email": f"visitor-{uuid.uuid4().hex[:8]}@example.net",  # not yet trusted
        "author_url": "",
        "leave_empty": "",
        "parent": "",
    }


def send(browser: Browser, body: str) -> tuple[int, str]:
    form = comment_form(browser, body)
    status, headers, _html = browser.request("POST", form.pop("action"), form)
    return status, headers.get("Location", "")


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    work = tmp_path_factory.mktemp("two-servers")
    with ExitStack() as stack:
        cluster = stack.enter_context(postgres_cluster())
        redis = stack.enter_context(redis_server(work))
        env = {
            **os.environ,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": cluster.url,
            "REDIS_URL": redis.url,
            "STATIC_ROOT": str(work / "static"),
            "MEDIA_ROOT": str(work / "media"),
            "GUNICORN_WORKERS": "2",
            "COMMENTS_MIN_SECONDS": "0",
            "COMMENTS_FLOOD_SECONDS": "60",
            "COMMENTS_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
            "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
            "LOG_LEVEL": "CRITICAL",
        }
        for command in (
            ["migrate", "--noinput"],
            ["collectstatic", "--noinput"],
            ["seed_demo"],
            ["createsuperuser", "--noinput", "--username", "chief", "--email", "c@example.org"],
        ):
            manage(env, *command)
        pooled = stack.enter_context(pgbouncer(cluster))
        env = {**env, "DATABASE_URL": pooled, "DATABASE_POOLER": "pgbouncer"}
        servers = [
            stack.enter_context(gunicorn(env, work / f"gunicorn-{n}.log", probe="/healthz"))
            for n in (1, 2)
        ]
        balancer = stack.enter_context(haproxy(servers))
        yield servers, balancer


def sign_in(browser: Browser) -> None:
    _s, _h, html = browser.request("GET", "/admin/login/")
    form = {"username": "chief", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(html)}
    status, headers, _html = browser.request("POST", "/admin/login/?next=/admin/", form)
    assert status == HTTPStatus.FOUND and "sessionid" in browser.cookies, headers


def test_a_comment_approved_on_one_server_is_on_the_page_of_the_other(two_servers):
    (first, second), balancer = two_servers
    visitor = Browser(balancer)
    status, location = send(visitor, "Held for moderation, then approved on server one.")
    assert status == HTTPStatus.SEE_OTHER
    assert "=" in location, location
    comment_id = re.search(r"=(\d+)", location).group(1)
    assert "approved on server one" not in Browser(second).request("GET", POST)[2]

    editor = Browser(first)
    sign_in(editor)
    _s, _h, html = editor.request("GET", "/admin/comments/comment/")
    form = {
        "action": "approve",
        "_selected_action": [comment_id],
        "index": "0",
        "csrfmiddlewaretoken": csrf_token(html),
    }
    assert editor.request("POST", "/admin/comments/comment/", form)[0] == HTTPStatus.FOUND

    pages = [Browser(second).request("GET", POST)]
    pages += [Browser(balancer).request("GET", POST) for _ in range(4)]  # both, round robin
    assert [status for status, _h, _html in pages] == [HTTPStatus.OK] * 5
    assert all("approved on server one" in html for _s, _h, html in pages)


def test_the_flood_limit_holds_across_both_servers(two_servers):
    (first, second), balancer = two_servers
    # As a proxy in front would say it: the same visitor's address, whichever server answers.
    same_visitor = {"X-Forwarded-For": "203.0.113.7"}
    direct = [send(Browser(server, **same_visitor), f"Flood attempt {n}.")[0]
              for n, server in enumerate([first, second, first, second])]  # fmt: skip
    balanced = [send(Browser(balancer), f"Balanced attempt {n}.")[0] for n in range(4)]

    print(f"\nflood: direct to each server {direct}; through HAProxy {balanced}")
    assert direct == [HTTPStatus.SEE_OTHER] + [HTTPStatus.TOO_MANY_REQUESTS] * 3
    assert balanced.count(HTTPStatus.SEE_OTHER) <= 1
    assert balanced[1:] == [HTTPStatus.TOO_MANY_REQUESTS] * 3
