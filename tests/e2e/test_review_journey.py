"""The review workflow in a real browser: a Contributor writes an article and submits it, a
Medical reviewer signs it off, an Editor approves and publishes it; readers then see who
reviewed it (linking to the reviewer's page) and when, and the structured data says the same."""

import importlib
import json
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles.models import Post
from medical.models import SignOff
from tests.builders import make_reviewer
from tests.e2e.support import DESKTOP

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-staff-password"


# The roles and their permissions come from data migrations; the live-server tests run in
# transactions that end with a flush, which removes them: made again here from those
# migrations' own tables of (role → permissions).
def _grants() -> dict[str, list[tuple[str, str]]]:
    def migration(name: str):
        return importlib.import_module(name)

    grants: dict[str, list[tuple[str, str]]] = {}
    for role, codes in migration("editorial.migrations.0001_roles").ROLES.items():
        grants.setdefault(role, []).extend(tuple(code.split(".")) for code in codes)
    for role, codenames in migration("editorial.migrations.0003_review_permissions").ADDED.items():
        grants.setdefault(role, []).extend(("editorial", code) for code in codenames)
    medical = migration("medical.migrations.0003_signoff_permissions_for_roles")
    for role, codenames in medical.GRANTS.items():
        grants.setdefault(role, []).extend(("medical", code) for code in codenames)
    return grants


@pytest.fixture(autouse=True)
def _roles():
    if Group.objects.filter(name="Editor").exists():
        return
    for role, codes in _grants().items():
        group = Group.objects.create(name=role)
        for app_label, codename in codes:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


@pytest.fixture
def sign_in(site_url, open_page, django_user_model):
    def _sign_in(username: str, role: str, **names) -> Page:
        user = django_user_model.objects.create_user(
            username, f"{username}@example.com", PASSWORD, is_staff=True, **names
        )
        user.groups.add(Group.objects.get(name=role))
        page = open_page(DESKTOP)
        page.goto(site_url + "/admin/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
        page.user = user
        return page

    return _sign_in


def test_a_contributors_article_is_signed_off_and_published_with_its_review(
    site_url, sign_in, open_page
):
    # The Contributor writes the article and sends it for review.
    writer = sign_in("cara", "Contributor", first_name="Cara", last_name="Lind")
    writer.goto(f"{site_url}/admin/articles/post/add/")
    writer.get_by_label("Title:", exact=True).fill("Microneedling aftercare, day by day")
    editor_box = writer.locator(".ck-editor__editable")
    editor_box.click()
    writer.keyboard.type("Keep the skin clean and skip make-up for a day.")
    writer.get_by_role("button", name="Save and submit for review").click()
    expect(writer.locator(".messagelist")).to_contain_text("Submitted for review")
    post = Post.objects.get(title="Microneedling aftercare, day by day")
    assert post.published_at is None and post.author == writer.user

    # The Medical reviewer, linked to their public profile, signs this version off.
    doctor = sign_in("ada", "Medical reviewer", first_name="Ada", last_name="Stone")
    reviewer = make_reviewer(name="Dr Ada Stone", slug="ada-stone", user=doctor.user,
                             credentials="MBBS, MRCP (Derm)")  # fmt: skip
    doctor.goto(f"{site_url}/admin/articles/post/{post.pk}/change/")
    doctor.get_by_role("button", name="Sign off this version").click()
    expect(doctor.locator(".messagelist")).to_contain_text("Medically signed off by Dr Ada Stone")
    signed = SignOff.objects.get(post=post)
    assert signed.user == doctor.user and signed.reviewer == reviewer

    # The Editor approves and publishes it.
    editor = sign_in("eli", "Editor", first_name="Eli", last_name="Ward")
    editor.goto(f"{site_url}/admin/articles/post/{post.pk}/change/")
    expect(editor.get_by_role("link", name="Pending review: 1")).to_be_visible()
    expect(editor.locator(".review-panel__state")).to_contain_text("submitted by Cara Lind")
    editor.get_by_role("button", name="Approve and publish").click()
    expect(editor.locator(".messagelist")).to_contain_text("Approved and published.")
    post.refresh_from_db()
    assert post.is_live

    # A reader sees the review, with a link to the reviewer's page.
    page = open_page(DESKTOP)  # a reader: a fresh browser, signed in nowhere
    page.goto(f"{site_url}{post.get_absolute_url()}")
    reviewed = page.locator(".review-line")
    link = reviewed.get_by_role("link", name="Dr Ada Stone")
    expect(link).to_have_attribute("href", re.compile(r"/reviewers/ada-stone/$"))
    day = timezone.localdate(signed.signed_at)
    expect(reviewed.first).to_contain_text(f"{day.day} {day:%B %Y}")
    data = [
        json.loads(block)
        for block in page.locator('script[type="application/ld+json"]').all_text_contents()
    ]
    article = next(item for block in data for item in _items(block) if "reviewedBy" in item)
    assert article["reviewedBy"]["name"] == "Dr Ada Stone"
    assert article["reviewedBy"]["url"].endswith("/reviewers/ada-stone/")
    assert article["lastReviewed"] == day.isoformat()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dr Ada Stone")
    expect(page.get_by_role("link", name="Microneedling aftercare, day by day")).to_be_visible()


def _items(block):
    """The objects of a JSON-LD block, whether one object, a list or an @graph."""
    if isinstance(block, list):
        for item in block:
            yield from _items(item)
    elif isinstance(block, dict):
        yield block
        yield from _items(block.get("@graph", []))
