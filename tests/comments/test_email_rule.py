"""The email rule: no commenter's email, no hash of it and no IP address in any public response.

Every public address the site has is listed in PUBLIC_URLS (one place: add new page types
there); addresses listed by the sitemap and feeds, once the site has them, are crawled too.
"""

import hashlib
import re
from http import HTTPStatus

import pytest

from comments.models import Comment, CommentStatus
from tests.builders import (
    make_category,
    make_page,
    make_post,
    make_procedure,
    make_reviewer,
    make_tag,
    make_user,
)
from tests.comments.builders import send_comment

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/page/2/",
    "/needling-scars/",
    "/needling-scars/?cpage=1",
    "/needling-scars/?replytocom={first_comment}",
    "/needling-scars/?unapproved={first_comment}",
    "/privacy-policy/",
    "/category/skin/",
    "/category/skin/acne/",
    "/tag/collagen/",
    "/author/casey-lee/",
    "/author/casey-lee/page/2/",
    "/reviewers/",
    "/reviewers/dr-ada-lane/",
    "/{year}/",
    "/{year}/{month}/",
    "/procedures/",
    "/procedures/microneedling/",
    "/?s=microneedling",
    "/search/?q=microneedling",
    "/feed/",
    "/category/skin/feed/",
    "/procedures/microneedling/feed/",
    "/comments/feed/",
    "/needling-scars/feed/",
    "/sitemap.xml",
    "/robots.txt",
    "/no-such-page/",
    "/comments/unsubscribe/not-a-valid-token/",
]
DISCOVERY_URLS = ["/sitemap.xml", "/feed/", "/feed/atom/", "/tag/collagen/feed/"]
LINK_RE = re.compile(
    r"<(?:loc|link)>\s*(https?://[^<\s]+)\s*</(?:loc|link)>|<link[^>]+href=\"(https?://[^\"]+)\""
)


def _forbidden_strings(emails: list[str], ips: list[str]) -> list[str]:
    found = list(ips)
    for email in emails:
        for variant in {email, email.lower(), email.strip().lower()}:
            found.append(variant)
            for name in ("md5", "sha1", "sha256"):
                found.append(hashlib.new(name, variant.encode()).hexdigest())
    return found


def _leaks(response, forbidden: list[str]) -> list[str]:
    text = response.content.decode("utf-8", "replace").lower()
    headers = "\n".join(f"{k}: {v}" for k, v in response.items()).lower()
    cookies = response.cookies.output().lower()
    return [s for s in forbidden if s.lower() in text or s.lower() in headers + cookies]


def _discovered(client) -> set[str]:
    """Every address the sitemap (and its sections) and the feeds list."""
    urls: set[str] = set()
    queue = list(DISCOVERY_URLS)
    while queue and len(urls) < 500:
        response = client.get(queue.pop())
        if response.status_code != HTTPStatus.OK:
            continue
        for match in LINK_RE.finditer(response.content.decode()):
            path = re.sub(r"^https?://[^/]+", "", match.group(1) or match.group(2))
            if path.startswith("/") and not path.startswith(("/static/", "/media/")):
                if path not in urls and (path.endswith(".xml") or path.endswith("/feed/")):
                    queue.append(path)
                urls.add(path)
    return urls


def test_no_email_hash_of_an_email_or_ip_appears_in_any_public_response(client, staff_client):
    skin = make_category(name="Skin", slug="skin")
    acne = make_category(name="Acne", slug="acne", parent=skin)
    procedure = make_procedure(name="Microneedling", slug="microneedling")
    author = make_user(
        username="casey", first_name="Casey", last_name="Lee", email="Casey.Writer@Example.ORG"
    )
    reviewer = make_reviewer(name="Dr Ada Lane", slug="dr-ada-lane", url="https://reg.example/1")
    post = make_post(
        slug="needling-scars",
        title="Microneedling and scars",
        author=author,
        reviewed_by=reviewer,
        categories=[acne],
        tags=[make_tag(name="collagen", slug="collagen")],
        procedures=[procedure],
    )
    for _ in range(11):
        make_post(author=author, categories=[skin])
    make_page(slug="privacy-policy", title="Privacy Policy")

    emails, ips = [], []
    for n in range(6):
        email, ip = f"Leaky.Person{n}@Example.ORG", f"203.0.113.{100 + n}"
        emails.append(email)
        ips.append(ip)
        parent = Comment.objects.order_by("pk").first() if n % 2 else None
        response = send_comment(
            client,
            post,
            ip=ip,
            author_email=email,
            author_name=f"Leaky Person {n}",
            author_url=f"https://person{n}.example.net/",
            body=f"Microneedling question {n}",
            parent=str(parent.pk) if parent else "",
            notify_replies="on",
        )
        assert response.status_code == HTTPStatus.SEE_OTHER
        if n < 5:
            ids = list(Comment.objects.filter(author_email=email).values_list("pk", flat=True))
            staff_client.post(
                "/admin/comments/comment/",
                {"action": "approve", "_selected_action": ids},
            )
    assert Comment.objects.filter(status=CommentStatus.APPROVED).count() == 5
    first = Comment.objects.order_by("pk").first()
    published = post.published_at
    urls = {
        url.format(first_comment=first.pk, year=published.year, month=f"{published.month:02d}")
        for url in PUBLIC_URLS
    }
    discovered = _discovered(client)
    assert "/needling-scars/" in discovered
    assert {"/author/casey-lee/", "/reviewers/dr-ada-lane/"} <= discovered
    urls |= discovered

    forbidden = _forbidden_strings([*emails, author.email], ips)
    checked = 0
    for url in sorted(urls):
        for visitor in (client, client.__class__()):
            response = visitor.get(url)
            assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, url
            assert _leaks(response, forbidden) == [], url
            checked += 1
    post_page = client.get("/needling-scars/").content.decode()
    assert "Leaky Person 0" in post_page
    assert "Leaky Person 0" in client.get("/comments/feed/").content.decode()
    assert "Leaky Person 0" in client.get("/needling-scars/feed/").content.decode()
    assert checked >= 2 * len(PUBLIC_URLS)
