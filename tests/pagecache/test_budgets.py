"""Page weight budgets, measured on the rendered post page with 50 comments."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings

from comments.models import CommentStatus
from tests.comments.builders import make_comment
from tests.pagecache.site import build_site

pytestmark = pytest.mark.django_db

STATIC = Path(settings.BASE_DIR) / "static"


def _post_with_fifty_comments(client):
    site = build_site()
    post = site.post
    post.comments.all().delete()
    words = "Thank you for explaining how long the redness lasts after the session. " * 2
    tops = [make_comment(post, body=f"Question {i}. {words}") for i in range(22)]
    replies = [make_comment(post, parent=tops[i], body=f"Reply {i}. {words}") for i in range(16)]
    for i in range(12):
        make_comment(post, parent=replies[i], body=f"Reply to reply {i}. {words}")
    for i in range(5):
        make_comment(post, status=CommentStatus.PENDING, body=f"Held {i}.")
    response = client.get(post.get_absolute_url(), headers={"accept-encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    return response, gzip.decompress(response.content).decode()


def test_the_post_page_with_fifty_comments_weighs_under_25_kb_compressed(client):
    response, html = _post_with_fifty_comments(client)
    assert html.count('class="comment__card') == 50
    assert len(response.content) < 25 * 1024


def test_one_stylesheet_under_8_kb_and_all_scripts_under_5_kb_deferred(client):
    _response, html = _post_with_fifty_comments(client)
    stylesheets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert stylesheets == ["css/site.css"]
    assert len(gzip.compress((STATIC / stylesheets[0]).read_bytes())) < 8 * 1024

    scripts = re.findall(r"<script\b[^>]*>", html)
    external = [tag for tag in scripts if "src=" in tag]
    assert external, "the post page loads its scripts"
    assert all(" defer" in tag for tag in external), external
    assert all('type="application/ld+json"' in tag for tag in scripts if "src=" not in tag)
    sources = [re.search(r'src="/static/([^"]+)"', tag).group(1) for tag in external]
    total = sum(len(gzip.compress((STATIC / name).read_bytes())) for name in sources)
    assert total < 5 * 1024


def test_no_web_font_blocks_rendering(client):
    _response, html = _post_with_fifty_comments(client)
    css = (STATIC / "css/site.css").read_text()
    assert "@font-face" not in css or "font-display: swap" in css
    assert 'rel="preload" as="font"' not in html
    assert "fonts.googleapis" not in html
