import re
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from articles.links import share_links
from tests.builders import make_post
from tests.discovery.builders import make_post_with_image
from tests.discovery.pages import read_head

pytestmark = pytest.mark.django_db

URL = "https://cosmediclist.example/peels-fillers/"
TITLE = "Peels & fillers: 50% off? #1 — “café” +more"


def test_every_share_link_carries_the_exact_url_and_title():
    links = dict(share_links(URL, TITLE, "https://cosmediclist.example/media/a.png"))

    def query(network: str) -> dict[str, list[str]]:
        return parse_qs(urlsplit(links[network]).query)

    assert query("Facebook") == {"u": [URL]}
    assert query("X") == {"url": [URL], "text": [TITLE]}
    assert query("LinkedIn") == {"url": [URL]}
    assert query("Pinterest") == {
        "url": [URL],
        "description": [TITLE],
        "media": ["https://cosmediclist.example/media/a.png"],
    }
    assert query("WhatsApp") == {"text": [f"{TITLE} {URL}"]}
    mailto = urlsplit(links["Email"])
    assert mailto.scheme == "mailto"
    fields = dict(part.split("=", 1) for part in mailto.query.split("&"))
    assert {key: unquote(value) for key, value in fields.items()} == {
        "subject": TITLE,
        "body": URL,
    }
    assert " " not in links["Email"]


def test_the_post_page_shares_its_absolute_address_with_plain_links(client, settings):
    settings.SITE_URL = "https://cosmediclist.example"
    make_post(slug="peels-fillers", title=TITLE)

    html = client.get("/peels-fillers/").content.decode()
    hrefs = [unescape(h) for h in re.findall(r'class="share__link" href="([^"]+)"', html)]

    assert len(hrefs) == 6
    facebook = next(h for h in hrefs if "facebook.com" in h)
    assert parse_qs(urlsplit(facebook).query) == {"u": [URL]}


def test_copy_link_and_web_share_are_enhancements_hidden_without_javascript(client):
    make_post_with_image(slug="shared")

    html = client.get("/shared/").content.decode()
    head = read_head(html)

    tools = re.search(r'<div class="share__tools"[^>]*>', html).group(0)
    assert " hidden" in tools
    assert 'data-share-url="http://testserver/shared/"' in tools
    assert re.search(r'<button type="button" class="share__button" data-share-action="native" '
                     r"hidden>", html)  # fmt: skip
    share_scripts = [s for s in head.scripts if s.get("src", "").endswith("/js/share.js")]
    assert len(share_scripts) == 1
    assert "defer" in share_scripts[0]
    # Only our own files and JSON-LD data: no inline code, no third-party scripts.
    for script in head.scripts:
        if script.get("type") == "application/ld+json":
            continue
        assert script["src"].startswith("/static/"), script
        assert script["body"].strip() == ""
