"""Every public page type, held to axe-core (WCAG 2.1 A/AA and best practices) and the W3C Nu
HTML validator, with screenshots at phone and desktop widths for people to look at."""

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.template import loader
from django.urls import reverse
from playwright.sync_api import Page, expect

from comments.models import Comment
from comments.notifications import unsubscribe_token
from tests.builders import make_post, make_procedure
from tests.e2e.support import ARTIFACTS, DESKTOP, PHONE, missing_tool, node_tool

pytestmark = pytest.mark.django_db(transaction=True)

# One address per public page type, all from the demo content.
PAGES = {
    "home": "/",
    "post": "/does-microneedling-improve-acne-scars/",
    "category": "/category/skin-treatments/acne-scarring/",
    "tag": "/tag/acne-scars/",
    "author": "/author/ellis-marlowe/",
    "reviewer": "/reviewers/dr-amara-okafor/",
    "reviewer-list": "/reviewers/",
    "procedure-list": "/procedures/",
    "procedure": "/procedures/microneedling/",
    "standing-page": "/privacy-policy/",
    "search": "/search/?q=microneedling+scars",
    "search-empty": "/?s=zzzzqqq",
    "not-found": "/no-such-page-here/",
}


def every_page() -> dict[str, str]:
    """PAGES, and the page a reply email's unsubscribe link opens (for a demo commenter)."""
    comment = Comment.objects.exclude(author_email="").order_by("pk").first()
    comment.notify_replies = True
    comment.save(update_fields=["notify_replies"])
    token = unsubscribe_token(comment)
    return {**PAGES, "unsubscribe": reverse("comments:unsubscribe", kwargs={"token": token})}


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary),
  }));
}"""


def axe_violations(page: Page, axe_path: Path) -> list[dict]:
    page.add_script_tag(path=axe_path)
    return page.evaluate(AXE_RUN, AXE_TAGS)


@pytest.mark.parametrize(
    ("variant", "viewport", "color_scheme"),
    [("phone", PHONE, "light"), ("desktop", DESKTOP, "light"), ("dark", DESKTOP, "dark")],
)
def test_every_public_page_type_has_no_axe_violations(
    demo_site, open_page, screenshot, variant, viewport, color_scheme
):
    axe = node_tool("axe-core/axe.min.js")
    # The site's CSP rightly refuses injected scripts, so axe runs in a context that bypasses it.
    page = open_page(viewport, color_scheme=color_scheme, bypass_csp=True)
    found = {}

    for name, path in every_page().items():
        response = page.goto(demo_site + path)
        assert response.status == (404 if name == "not-found" else 200), name
        screenshot(page, name if color_scheme == "light" else f"{name}-dark")
        violations = axe_violations(page, axe)
        if violations:
            found[name] = violations

    assert found == {}, json.dumps(found, indent=1)


def fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read()


def nu_validator_errors(pages: dict[str, bytes]) -> list[str]:
    """Errors the W3C Nu validator finds in each page's HTML (one Java start for all)."""
    vnu = node_tool("vnu-jar/build/dist/vnu.jar")
    java = shutil.which("java") or missing_tool("java (Java 17 or newer)")
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, html in pages.items():
        file = folder / f"{name}.html"
        file.write_bytes(html)
        files.append(str(file))
    run = subprocess.run(
        [java, "-jar", str(vnu), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(run.stdout)["messages"]
        if m["type"] in {"error", "non-document-error"}
    ]
    if run.returncode and not errors:
        errors.append(f"vnu exited with {run.returncode}: {run.stderr}")
    return errors


def test_every_public_page_type_is_valid_html(demo_site):
    pages = {name: fetch(demo_site + path) for name, path in every_page().items()}
    # The pages shown when something fails, which need neither database nor request.
    for template in ("500.html", "503.html"):
        pages[template.removesuffix(".html")] = loader.get_template(template).render().encode()

    assert nu_validator_errors(pages) == []


def test_a_post_page_does_not_shift_while_it_loads_and_is_read(site_url, open_page):
    procedure = make_procedure(name="Microneedling", slug="microneedling", session_minutes=30)
    post = make_post(body="<h2>One</h2>" + "<p>Text to read.</p>" * 60, procedures=[procedure])
    page = open_page(PHONE)
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
        " { if (!e.hadRecentInput) window.__shift += e.value; } })"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(site_url + post.get_absolute_url(), wait_until="load")
    page.mouse.wheel(0, 2500)
    page.wait_for_function("window.scrollY > 0")

    assert page.evaluate("window.__shift") < 0.01


def test_printing_a_post_keeps_the_article_and_drops_navigation_and_sharing(
    site_url, open_page, screenshot
):
    procedure = make_procedure(name="Microneedling", slug="microneedling", session_minutes=30)
    post = make_post(
        title="Printable", body="<p>The words worth printing.</p>", procedures=[procedure]
    )
    page = open_page(DESKTOP)
    page.goto(site_url + post.get_absolute_url())
    page.emulate_media(media="print")

    expect(page.get_by_role("heading", level=1)).to_have_text("Printable")
    expect(page.get_by_text("The words worth printing.")).to_be_visible()
    expect(page.get_by_role("banner")).to_be_hidden()
    expect(page.get_by_role("contentinfo")).to_be_hidden()
    expect(page.get_by_role("region", name="Share This Post")).to_be_hidden()
    expect(page.get_by_role("complementary", name="Microneedling at a glance")).to_be_visible()
    screenshot(page, "post-print")


def test_dark_mode_follows_the_system_setting(site_url, open_page):
    post = make_post(title="Read at night")
    background = "getComputedStyle(document.body).backgroundColor"

    light = open_page(DESKTOP, color_scheme="light")
    light.goto(site_url + post.get_absolute_url())
    dark = open_page(DESKTOP, color_scheme="dark")
    dark.goto(site_url + post.get_absolute_url())

    assert light.evaluate(background) == "rgb(251, 250, 248)"
    assert dark.evaluate(background) == "rgb(20, 25, 24)"


def test_the_comment_form_with_errors_is_accessible_and_valid_html(
    demo_site, open_page, screenshot
):
    """A browser that skips HTML validation sends an empty name and a bad email: the server's
    answer (status 400, the text kept) meets the same bars as every page."""
    axe = node_tool("axe-core/axe.min.js")
    page = open_page(PHONE, bypass_csp=True)
    page.goto(demo_site + PAGES["post"])
    form = page.locator("form.comment-form")
    form.evaluate("form => { form.noValidate = true; }")
    form.get_by_role("textbox", name="Comment").fill("Does the redness last more than two days?")
    form.get_by_role("textbox", name="Email").fill("not-an-email")

    with page.expect_navigation() as navigation:
        form.get_by_role("button", name="Post Comment").click()

    assert navigation.value.status == 400
    expect(page.get_by_role("textbox", name="Comment")).to_have_value(
        "Does the redness last more than two days?"
    )
    expect(page.locator(".comment-form__error").first).to_be_visible()
    screenshot(page, "comment-form-errors")
    assert axe_violations(page, axe) == []
    assert nu_validator_errors({"comment-form-errors": navigation.value.body()}) == []
