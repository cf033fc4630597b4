"""A corpus of hostile input renders inert on the post page and in the admin."""

from html.parser import HTMLParser
from http import HTTPStatus

import pytest

from comments.models import Comment, CommentStatus
from tests.builders import make_post
from tests.comments.builders import make_comment, send_comment

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(1)",
    "<iframe src=//evil.example></iframe>",
    "<<script>script>alert(1)<</script>/script>",
    '<div style="background:url(javascript:alert(1))">',
    "</textarea><script>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    'https://ok.example/"><script>alert(1)</script>',
    "https://ok.example/?q=<img src=x onerror=alert(1)>",
    "\u202egnp.exe\u202c <b>bold</b>",
    "＜script＞alert(1)＜/script＞",
    "\u0000<scr\u0000ipt>alert(1)</script>",
]
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    'https://ok.example/" onmouseover="alert(1)',
    "vbscript:msgbox(1)",
]


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower().replace("\x00", "")
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in {"href", "src", "action", "formaction", "style"} and (
                value.startswith(("javascript:", "vbscript:", "data:text"))
                or "javascript:" in value
            ):
                self.problems.append(f"<{tag} {name}={value}>")
        src = dict(attrs).get("src") or ""
        data = dict(attrs).get("type") == "application/ld+json"
        if tag == "script" and not data and not src.startswith("/static/"):
            self.problems.append("<script> without a static src")
        if tag in {"iframe", "object", "embed", "svg"} or (
            tag == "img" and not src.startswith("/static/")
        ):
            self.problems.append(f"<{tag} src={src}>")


def _problems(html: str) -> list[str]:
    collector = TagCollector()
    collector.feed(html)
    return collector.problems


def test_hostile_names_and_bodies_sent_through_the_form_render_inert(client, staff_client):
    post = make_post(slug="needling")
    sent = [p for p in PAYLOADS if "\x00" not in p]
    for payload in sent:
        response = send_comment(client, post, author_name=payload[:100], body=payload)
        assert response.status_code == HTTPStatus.SEE_OTHER, payload
    nul = send_comment(client, post, body="\x00<script>alert(1)</script>")
    Comment.objects.update(status=CommentStatus.APPROVED)

    page = client.get("/needling/").content.decode()

    assert nul.status_code == HTTPStatus.BAD_REQUEST
    assert page.count('class="comment"') + page.count('class="comment ') == len(sent)
    assert _problems(page) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\u202e" not in page


def test_hostile_websites_are_refused_by_the_form(client):
    post = make_post()
    for url in HOSTILE_URLS:
        response = send_comment(client, post, author_url=url)
        assert response.status_code == HTTPStatus.BAD_REQUEST, url
    assert not Comment.objects.exists()


def test_hostile_stored_data_renders_inert_on_the_page_and_in_the_admin(client, staff_client):
    """Imported or edited data never went through the form: the templates must hold anyway."""
    post = make_post(slug="needling")
    stored = [p for p in PAYLOADS if "\x00" not in p]  # PostgreSQL text cannot hold NUL
    for n, payload in enumerate(stored):
        make_comment(
            post,
            author_name=payload[:100],
            author_url=HOSTILE_URLS[n % len(HOSTILE_URLS)],
            author_email=f"x{n}@example.net",
            body=payload,
            user_agent=payload,
        )

    page = client.get("/needling/").content.decode()
    changelist = staff_client.get("/admin/comments/comment/").content.decode()
    change = staff_client.get(f"/admin/comments/comment/{Comment.objects.first().pk}/change/")

    assert _problems(page) == []
    for html in (changelist, change.content.decode()):
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x onerror" not in html
        assert 'href="javascript:' not in html.lower()


def test_links_in_bodies_and_the_website_get_nofollow_ugc_noopener(client):
    post = make_post(slug="needling")
    make_comment(
        post,
        author_name="Ann",
        author_url="https://ann.example.net/",
        body="Read https://pubmed.example/123. And www.example.org/page, please.",
    )

    page = client.get("/needling/").content.decode()

    assert '<a href="https://ann.example.net/" rel="nofollow ugc noopener">Ann</a>' in page
    assert '<a href="https://pubmed.example/123" rel="nofollow ugc noopener">' in page
    assert "https://pubmed.example/123</a>." in page
    assert '<a href="https://www.example.org/page" rel="nofollow ugc noopener">' in page
