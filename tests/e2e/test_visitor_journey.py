"""A visitor comments in Chromium: with JavaScript on and off, as a reply, remembered or not,
and refused by a rule (the reason shown, the text kept)."""

from http import HTTPStatus

import pytest
from playwright.sync_api import Page, expect

from comments.models import Comment, CommentStatus
from tests.builders import make_post
from tests.comments.builders import make_comment

pytestmark = pytest.mark.django_db(transaction=True)

AWAITING = "Your comment is awaiting moderation."


@pytest.fixture
def post(site_url, settings):
    """A post with two approved comments; the form may be sent at once and more than once
    (the timing and flood rules are switched back on by the tests about them)."""
    settings.COMMENTS_MIN_SECONDS = 0
    settings.COMMENTS_FLOOD_SECONDS = 0
    post = make_post(title="Microneedling aftercare", slug="microneedling-aftercare")
    make_comment(post, author_name="Priya", body="How long does the redness last?")
    make_comment(post, author_name="Tomasz", body="Mine was gone after two days.")
    return post


def comment_by(name: str) -> Comment:
    return Comment.objects.get(author_name=name)


def fill_comment(page: Page, body: str, name: str, email: str, *, remember: bool = False):
    page.get_by_role("textbox", name="Comment", exact=True).fill(body)
    page.get_by_role("textbox", name="Name", exact=True).fill(name)
    page.get_by_role("textbox", name="Email", exact=True).fill(email)
    page.get_by_label("Save my name, email, and website").set_checked(remember)


def send(page: Page):
    with page.expect_navigation() as navigation:
        page.locator(".comment-form button[type=submit]").click()
    return navigation.value


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_a_visitor_posts_a_comment_and_sees_it_awaiting_moderation(
    site_url, post, open_page, javascript
):
    page = open_page(java_script_enabled=javascript)
    page.goto(site_url + "/microneedling-aftercare/")
    fill_comment(page, "Can I wear makeup the next day?", "Amelia", "amelia@example.net")

    response = send(page)

    assert response.status == HTTPStatus.OK
    own = page.locator(".comment--pending")
    expect(own).to_have_count(1)
    expect(own.locator(".comment__moderation")).to_have_text(AWAITING)
    expect(own.locator(".comment__body")).to_have_text("Can I wear makeup the next day?")
    expect(own).to_be_in_viewport()  # the redirect's #comment-ID brings it into view
    assert comment_by("Amelia").status == CommentStatus.PENDING

    other = open_page(java_script_enabled=javascript)
    other.goto(site_url + "/microneedling-aftercare/")
    expect(other.get_by_text("Can I wear makeup the next day?")).to_have_count(0)


def test_a_visitor_replies_with_the_inline_form_using_only_the_keyboard(site_url, post, open_page):
    priya, tomasz = comment_by("Priya"), comment_by("Tomasz")
    page = open_page()
    page.goto(site_url + "/microneedling-aftercare/")
    respond = page.locator("#respond")

    page.locator(f"a.comment__reply[data-reply-to='{tomasz.pk}']").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#comment-{tomasz.pk} #respond")).to_have_count(1)
    expect(page.get_by_role("textbox", name="Comment", exact=True)).to_be_focused()
    page.locator("#cancel-comment-reply-link").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#comment-{tomasz.pk} #respond")).to_have_count(0)
    expect(page.locator("#cancel-comment-reply-link")).to_be_hidden()
    expect(page.locator(".comment-respond__to")).to_have_text("")
    expect(page.locator("input[name=parent]")).to_have_value("")
    expect(page.locator(f"a.comment__reply[data-reply-to='{tomasz.pk}']")).to_be_focused()

    page.locator(f"a.comment__reply[data-reply-to='{priya.pk}']").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#comment-{priya.pk} #respond")).to_have_count(1)
    expect(respond.locator("#reply-title")).to_contain_text("Leave a Reply to Priya")
    fill_comment(page, "About a day for me.", "Noor", "noor@example.net")
    response = send(page)

    assert response.status == HTTPStatus.OK
    reply = page.locator(f"#comment-{priya.pk} .comment-list--replies .comment--pending")
    expect(reply.locator(".comment__body")).to_have_text("About a day for me.")
    expect(reply.locator(".comment__moderation")).to_have_text(AWAITING)
    assert comment_by("Noor").parent_id == priya.pk


def test_without_javascript_the_reply_link_opens_the_form_under_the_comment(
    site_url, post, open_page
):
    priya = comment_by("Priya")
    page = open_page(java_script_enabled=False)
    page.goto(site_url + "/microneedling-aftercare/")

    page.locator(f"#comment-{priya.pk}").get_by_role("link", name="Reply to Priya").click()

    assert page.url == site_url + f"/microneedling-aftercare/?replytocom={priya.pk}#respond"
    form_home = page.locator(f"#comment-{priya.pk} > #respond")
    expect(form_home.locator("#reply-title")).to_contain_text("Leave a Reply to Priya")
    expect(page.locator("#cancel-comment-reply-link")).to_be_visible()
    expect(page.locator("#respond")).to_have_count(1)
    fill_comment(page, "It faded by the evening.", "Sven", "sven@example.net")
    response = send(page)

    assert response.status == HTTPStatus.OK
    reply = page.locator(f"#comment-{priya.pk} .comment-list--replies .comment--pending")
    expect(reply.locator(".comment__body")).to_have_text("It faded by the evening.")
    assert comment_by("Sven").parent_id == priya.pk


@pytest.mark.parametrize("remember", [True, False], ids=["ticked", "unticked"])
def test_the_next_post_remembers_the_commenter_only_when_asked(site_url, post, open_page, remember):
    make_post(title="Chemical peels explained", slug="chemical-peels-explained")
    page = open_page()
    page.goto(site_url + "/microneedling-aftercare/")
    page.get_by_role("textbox", name="Website", exact=True).fill("https://lena.example.org/")
    fill_comment(page, "Thank you, very clear.", "Lena", "lena@example.net", remember=remember)
    send(page)
    expect(page.get_by_text(AWAITING)).to_be_visible()

    page.goto(site_url + "/chemical-peels-explained/")

    remembered = ["Lena", "lena@example.net", "https://lena.example.org/"] if remember else [""] * 3
    for label, value in zip(["Name", "Email", "Website"], remembered, strict=True):
        expect(page.get_by_role("textbox", name=label, exact=True)).to_have_value(value)
    expect(page.get_by_label("Save my name, email, and website")).to_be_checked(checked=remember)
    expect(page.get_by_role("textbox", name="Comment", exact=True)).to_have_value("")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("flood", "You are posting comments too quickly."),
        ("too fast", "That was quicker than a person can type."),
    ],
)
@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_a_refused_comment_says_why_keeps_the_text_and_can_be_sent_again(
    site_url, post, open_page, settings, rule, message, javascript
):
    page = open_page(java_script_enabled=javascript)
    if rule == "flood":
        settings.COMMENTS_FLOOD_SECONDS = 60
        page.goto(site_url + "/microneedling-aftercare/")
        fill_comment(page, "A first question.", "Ravi", "ravi@example.net")
        send(page)
        expect(page.get_by_text(AWAITING)).to_be_visible()
    else:
        settings.COMMENTS_MIN_SECONDS = 60
    page.goto(site_url + "/microneedling-aftercare/")
    text = "Is it safe during pregnancy?\n\nMy clinic was not sure."
    fill_comment(page, text, "Ravi", "ravi@example.net")

    response = send(page)

    assert response.status in {HTTPStatus.TOO_MANY_REQUESTS, HTTPStatus.BAD_REQUEST}
    expect(page.get_by_role("alert")).to_contain_text(message)
    expect(page.get_by_role("textbox", name="Comment", exact=True)).to_have_value(text)
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_value("Ravi")
    expect(page.get_by_role("textbox", name="Email", exact=True)).to_have_value("ravi@example.net")
    assert not Comment.objects.filter(body__startswith="Is it safe").exists()

    settings.COMMENTS_FLOOD_SECONDS = 0
    settings.COMMENTS_MIN_SECONDS = 0
    send(page)
    resent = page.locator(".comment--pending").filter(has_text="Is it safe during pregnancy?")
    expect(resent.locator(".comment__moderation")).to_have_text(AWAITING)
    assert Comment.objects.get(body__startswith="Is it safe").status == CommentStatus.PENDING
