"""Every public page type under the site's strict Content-Security-Policy in Chromium: not one
violation, and the pages' own scripts still run (the reply form moves, the share tools show).
A post's body images load their WebP renditions lazily under the same policy."""

import re
from http import HTTPStatus

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from playwright.sync_api import Page, expect

from images.files import clean_image, store_image
from images.models import BodyImage
from tests.builders import image_bytes, make_post

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "home": "/",
    "post with comments": "/does-microneedling-improve-acne-scars/",
    "standing page": "/privacy-policy/",
    "category": "/category/skin-treatments/acne-scarring/",
    "tag": "/tag/acne-scars/",
    "procedure list": "/procedures/",
    "procedure": "/procedures/microneedling/",
    "author": "/author/ellis-marlowe/",
    "search": "/search/?q=microneedling+scars",
    "not found": "/no-such-page-here/",
}

# Records every violation the document reports, from before any of the page's own code runs.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
    ` at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


# How Chromium words it in the console: "Refused to load …", "… violates the following Content
# Security Policy directive …".
_REFUSAL = re.compile(r"Refused to|Content Security Policy")


def watch_policy(page: Page) -> list[str]:
    """Console messages of the browser refusing something under the policy."""
    refused: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: refused.append(message.text) if _REFUSAL.search(message.text) else None,
    )
    return refused


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_no_public_page_type_breaks_the_policy_and_their_scripts_run(demo_site, open_page):
    page = open_page()
    refused = watch_policy(page)
    found = {}
    for name, path in PAGES.items():
        response = page.goto(demo_site + path)
        assert response.status == (HTTPStatus.NOT_FOUND if name == "not found" else 200), name
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy, name
        page.wait_for_load_state("load")
        if violations(page):
            found[name] = violations(page)

        if name == "post with comments":
            # share.js shows its tools; comments.js moves the form under the comment answered.
            expect(page.locator(".share__tools")).to_be_visible()
            reply = page.locator("a.comment__reply").first
            card = reply.locator("xpath=ancestor::*[contains(@class, 'comment__card')][1]")
            reply.click()
            moved = page.evaluate(
                "document.getElementById('respond').previousElementSibling"
                ".classList.contains('comment__card')"
            )
            assert moved, "the reply form did not move: comments.js did not run"
            expect(page.locator("#respond")).to_be_visible()
            assert card.evaluate("c => c.nextElementSibling.id") == "respond"
            expect(page.locator("#cancel-comment-reply-link")).to_be_visible()
            assert not violations(page), "violations after the scripts ran"

    assert found == {}
    assert refused == []


def test_body_images_load_their_webp_renditions_lazily_under_the_policy(site_url, open_page):
    clean = clean_image(image_bytes("JPEG", size=(1400, 900)))
    pictures = [store_image(clean, "uploads") for _ in range(3)]
    for name in pictures:
        BodyImage.objects.make(name)
    spacer = "".join(f"<p>Paragraph {n} of the article, long enough to fill a line.</p>"
                     for n in range(60))  # fmt: skip
    images = [f'<figure class="image"><img src="{default_storage.url(n)}" alt="Photo {i}">'
              f"</figure>" for i, n in enumerate(pictures)]  # fmt: skip
    post = make_post(
        title="Pictures of a treatment",
        slug="pictures-of-a-treatment",
        published_at=timezone.now(),
        body=images[0] + spacer + images[1] + spacer + images[2],
    )
    page = open_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    refused = watch_policy(page)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))

    page.goto(site_url + post.get_absolute_url())
    page.wait_for_load_state("load")

    first = page.locator(".prose img").nth(0)
    expect(first).to_have_js_property("complete", True)
    assert first.evaluate("img => img.currentSrc").endswith("-480.webp")
    last = page.locator(".prose img").nth(2)
    assert last.get_attribute("loading") == "lazy"
    # Below the fold, not fetched yet; scrolled to, it loads its rendition.
    stem = pictures[2].rsplit(".", 1)[0].split("/")[-1]
    assert not any(stem in url for url in fetched)
    last.scroll_into_view_if_needed()
    expect(last).to_have_js_property("complete", True)
    assert last.evaluate("img => img.currentSrc").endswith(f"{stem}-480.webp")
    rendition = default_storage.url(f"renditions/{pictures[2].rsplit('.', 1)[0]}-480.webp")
    assert [url for url in fetched if stem in url] == [site_url + rendition]
    assert violations(page) == [] and refused == []
