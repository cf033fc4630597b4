"""Editors in a real browser: the autosave survives a closed tab, and two editors on one post
see each other and cannot silently overwrite each other. Under the site's strict CSP, with no
console error (a CSP violation is one)."""

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from articles.models import Post
from editing.sessions import autosave
from tests.builders import make_category, make_post
from tests.e2e.support import DESKTOP

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-staff-password"


@pytest.fixture(autouse=True)
def _quick_editor(settings):
    settings.EDITING_AUTOSAVE_SECONDS = 1
    settings.EDITING_HEARTBEAT_SECONDS = 2


@pytest.fixture
def editor_page(site_url, open_page, django_user_model):
    def _open(username: str, first: str = "", last: str = "") -> Page:
        if not django_user_model.objects.filter(username=username).exists():
            django_user_model.objects.create_user(
                username, f"{username}@example.com", PASSWORD, first_name=first,
                last_name=last, is_staff=True, is_superuser=True,
            )  # fmt: skip
        page = open_page(DESKTOP)
        page.goto(site_url + "/admin/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
        return page

    return _open


def type_at_end(page: Page, text: str) -> None:
    editor = page.locator(".ck-editor__editable")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)


def test_an_autosave_survives_a_closed_tab_and_restores_in_a_new_browser(site_url, editor_page):
    post = make_post(body="<p>Microneedling basics.</p>")
    url = f"{site_url}/admin/articles/post/{post.pk}/change/"
    first = editor_page("editor")
    first.goto(url)
    with first.expect_response("**/autosave/") as autosaved:
        type_at_end(first, " Typed before the tab closed.")
    assert autosaved.value.ok
    expect(first.locator(".editing__status")).to_contain_text("kept as an autosave")
    with first.expect_event("dialog") as leaving:
        first.close(run_before_unload=True)
    assert leaving.value.type == "beforeunload"  # unsaved changes: the browser asks first
    leaving.value.dismiss()
    first.context.close()
    assert Post.objects.get(pk=post.pk).body == "<p>Microneedling basics.</p>"

    second = editor_page("editor")
    second.goto(url)
    expect(second.get_by_text("You have unsaved changes from")).to_be_visible()
    second.get_by_role("button", name="Restore").click()
    expect(second.locator(".ck-editor__editable")).to_contain_text("Typed before the tab closed.")
    second.get_by_role("button", name="Save and continue editing").first.click()

    expect(second.locator(".messagelist").first).to_contain_text("was changed successfully")
    assert "Typed before the tab closed." in Post.objects.get(pk=post.pk).body
    expect(second.get_by_text("You have unsaved changes from")).to_have_count(0)


def test_a_restored_autosave_shows_names_in_the_autocomplete_boxes(
    site_url, editor_page, django_user_model
):
    post = make_post(body="<p>Microneedling basics.</p>")
    skin = make_category(name="Skin care")
    first = editor_page("editor")
    autosave(
        django_user_model.objects.get(username="editor"), post,
        {"categories": [str(skin.pk)], "body": ["<p>Microneedling basics.</p>"]},
    )  # fmt: skip
    first.goto(f"{site_url}/admin/articles/post/{post.pk}/change/")
    first.get_by_role("button", name="Restore").click()

    chosen = first.locator(".field-categories .select2-selection__choice")
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text("Skin care")
    first.get_by_role("button", name="Save and continue editing").first.click()
    expect(first.locator(".messagelist").first).to_contain_text("was changed successfully")
    assert list(Post.objects.get(pk=post.pk).categories.all()) == [skin]


def test_two_editors_see_each_other_and_a_stale_save_keeps_the_text(
    site_url, editor_page, page_guard
):
    post = make_post(body="<p>Shared draft.</p>")
    if connection.vendor == "sqlite":
        # The test database is one in-memory SQLite file that locks whole tables: a heartbeat
        # landing during the other editor's save gets the live server's 503. PostgreSQL (and
        # a real SQLite file with its busy timeout) wait instead.
        page_guard.tolerate(
            f"/editing/post/{post.pk}/heartbeat/",
            "Failed to load resource: the server responded with a status of 503",
        )
    url = f"{site_url}/admin/articles/post/{post.pk}/change/"
    ana = editor_page("ana", "Ana", "Lopez")
    ana.goto(url)
    ben = editor_page("ben", "Ben", "Okafor")
    ben.goto(url)

    expect(ben.get_by_text("Ana Lopez is editing this post (since")).to_be_visible()
    expect(ana.get_by_text("Ben Okafor is editing this post (since")).to_be_visible()  # heartbeat

    type_at_end(ana, " Ana's addition.")
    ana.get_by_role("button", name="Save and continue editing").first.click()
    expect(ana.locator(".messagelist").first).to_contain_text("was changed successfully")

    type_at_end(ben, " Ben's careful paragraph.")
    ben.get_by_role("button", name="Save and continue editing").first.click()

    expect(
        ben.get_by_text("Not saved: Ana Lopez saved a newer version of this post")
    ).to_be_visible()
    expect(ben.get_by_role("link", name="Compare the versions")).to_be_visible()
    expect(ben.locator(".ck-editor__editable")).to_contain_text("Ben's careful paragraph.")
    body = Post.objects.get(pk=post.pk).body
    assert "Ana's addition." in body and "Ben's" not in body
