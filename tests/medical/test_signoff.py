"""Signing off a post from its change form: the record, the public review line and JSON-LD
that follow it, "changed since review" after an edit, and publishing held back until a new
sign-off."""

import datetime
import json
import re
from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Version

from articles.models import Post, PostStatus
from medical.models import SignOff
from tests.builders import make_post, make_procedure, make_reference, make_reviewer
from tests.editorial.roles import CHANGELIST, change_url, post_form, role_client

from .helpers import digest_on_form, reviewer_client, sign_off, signoff_url

pytestmark = pytest.mark.django_db


def _json_ld_page(client, post) -> dict:
    page = client.get(post.get_absolute_url()).content.decode()
    for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S):
        data = json.loads(block)
        if data.get("@type") == "MedicalWebPage":
            return data
    raise AssertionError("no MedicalWebPage JSON-LD")


def _bulk_publish(client, *posts):
    data = {"action": "publish_now", "_selected_action": [p.pk for p in posts], "index": 0}
    return client.post(CHANGELIST, data, follow=True)


def _edit(editor, post, **fields):
    """Save the post through its change form as `editor`, keeping its procedures."""
    post.refresh_from_db()
    data = post_form(post, procedures=[p.pk for p in post.procedures.all()], **fields)
    return editor.post(change_url(post), data)


def _publish_form(post, **fields) -> dict:
    post.refresh_from_db()
    moment = timezone.localtime() - datetime.timedelta(minutes=5)
    return post_form(
        post,
        procedures=[p.pk for p in post.procedures.all()],
        published_at_0=f"{moment:%Y-%m-%d}",
        published_at_1=f"{moment:%H:%M:%S}",
        **fields,
    )


def test_a_medical_reviewer_signs_off_a_version_and_the_public_line_and_json_ld_follow(client):
    reviewer = reviewer_client()
    editor = role_client("Editor")
    post = make_post(title="Microneedling and acne scars", procedures=[make_procedure()])
    assert _edit(editor, post).status_code == HTTPStatus.FOUND  # a version of the post
    assert "Medically reviewed by" not in client.get(post.get_absolute_url()).content.decode()

    form = reviewer.get(change_url(post))
    assert form.status_code == HTTPStatus.OK
    assert "Not signed off yet." in form.content.decode()
    assert "Sign off this version" in form.content.decode()
    response = sign_off(reviewer, post, note="Checked the downtime figures.")

    assert response.status_code == HTTPStatus.FOUND
    record = SignOff.objects.get(post=post)
    assert record.reviewer == reviewer.reviewer and record.user == reviewer.user
    assert record.note == "Checked the downtime figures."
    assert record.version == Version.objects.get_for_object(post).order_by("-pk").first()
    assert LogEntry.objects.filter(
        object_id=str(post.pk), change_message="Medically signed off by Dr Ada Stone."
    ).exists()
    today = timezone.localdate()
    page = client.get(post.get_absolute_url()).content.decode()
    assert (
        f'Medically reviewed by <a href="{reviewer.reviewer.get_absolute_url()}">'
        "<strong>Dr Ada Stone</strong></a>, MBBS, MRCP (Derm)"
    ) in page
    assert f'Last reviewed <time datetime="{today:%Y-%m-%d}">' in page
    assert "ada.stone@example.com" not in page
    data = _json_ld_page(client, post)
    assert data["reviewedBy"]["name"] == "Dr Ada Stone"
    assert data["lastReviewed"] == today.isoformat()
    assert (
        "Signed off by <strong>Dr Ada Stone</strong>"
        in reviewer.get(change_url(post)).content.decode()
    )


def test_the_newest_sign_off_is_the_one_the_public_sees():
    first, second = reviewer_client(), reviewer_client(name="Dr Tomasz Lind", email="t@example.com")
    post = make_post()
    sign_off(first, post)
    sign_off(second, post)

    post.refresh_from_db()
    assert post.reviewed_by == second.reviewer
    assert SignOff.objects.filter(post=post).count() == 2


def test_an_edit_after_the_sign_off_shows_changed_since_review_to_staff():
    reviewer, editor = reviewer_client(), role_client("Editor")
    post = make_post(title="PRP explained")
    make_reference(post, title="A trial")
    other = make_post(title="Peels explained")
    sign_off(reviewer, post)
    sign_off(reviewer, other)
    listing = editor.get(CHANGELIST + "?signoff=changed").content.decode()
    assert "PRP explained" not in listing

    assert (
        _edit(editor, post, body="<p>New advice on sessions.</p>").status_code == HTTPStatus.FOUND
    )

    assert "Changed since review" in editor.get(change_url(post)).content.decode()
    assert "Changed since review" not in editor.get(change_url(other)).content.decode()
    listing = editor.get(CHANGELIST + "?signoff=changed").content.decode()
    assert "PRP explained" in listing and "Peels explained" not in listing
    assert "Peels explained" in editor.get(CHANGELIST + "?signoff=current").content.decode()
    sign_off(reviewer, post)
    assert "PRP explained" not in editor.get(CHANGELIST + "?signoff=changed").content.decode()


def test_a_changed_reference_counts_as_a_change_since_review():
    reviewer = reviewer_client()
    post = make_post()
    reference = make_reference(post, title="A trial", year=2019)
    sign_off(reviewer, post)

    reference.year = 2021
    reference.save()

    assert "Changed since review" in reviewer.get(change_url(post)).content.decode()


def test_publishing_a_changed_procedure_post_waits_for_a_new_sign_off(client):
    reviewer, editor = reviewer_client(), role_client("Editor")
    post = make_post(title="Fillers explained", published_at=None, procedures=[make_procedure()])
    sign_off(reviewer, post)
    assert _edit(editor, post, body="<p>Changed dosage advice.</p>").status_code == HTTPStatus.FOUND

    refused = editor.post(change_url(post), _publish_form(post))
    assert refused.status_code == HTTPStatus.OK
    assert "is linked to a procedure and its text changed since its last medical sign-off" in (
        refused.content.decode()
    )
    assert Post.objects.get(pk=post.pk).status == PostStatus.DRAFT

    response = _bulk_publish(editor, post)
    assert "Not published:" in response.content.decode()
    assert Post.objects.get(pk=post.pk).status == PostStatus.DRAFT
    assert client.get(post.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    sign_off(reviewer, post)
    assert editor.post(change_url(post), _publish_form(post)).status_code == HTTPStatus.FOUND
    assert Post.objects.get(pk=post.pk).status == PostStatus.LIVE
    assert client.get(post.get_absolute_url()).status_code == HTTPStatus.OK


def test_the_bulk_action_publishes_the_others_and_holds_back_the_changed_one():
    reviewer, editor = reviewer_client(), role_client("Editor")
    held = make_post(title="Held back", published_at=None, procedures=[make_procedure()])
    free = make_post(title="Free to go", published_at=None)
    sign_off(reviewer, held)
    _edit(editor, held, body="<p>Edited after review.</p>")

    response = _bulk_publish(editor, held, free)

    assert "Published 1 post(s)." in response.content.decode()
    assert Post.objects.get(pk=held.pk).status == PostStatus.DRAFT
    assert Post.objects.get(pk=free.pk).status == PostStatus.LIVE


@pytest.mark.parametrize(
    ("policy", "with_procedure", "blocked"),
    [
        ("procedure", True, True),
        ("procedure", False, False),
        ("all", False, True),
        ("none", True, False),
    ],
)
def test_the_setting_decides_which_changed_posts_need_a_new_sign_off(
    settings, policy, with_procedure, blocked
):
    settings.SIGNOFF_REQUIRED_FOR = policy
    reviewer, editor = reviewer_client(), role_client("Editor")
    procedures = [make_procedure()] if with_procedure else []
    post = make_post(published_at=None, procedures=procedures)
    sign_off(reviewer, post)
    _edit(editor, post, body="<p>Edited after review.</p>")

    editor.post(change_url(post), _publish_form(post))

    assert (Post.objects.get(pk=post.pk).status == PostStatus.DRAFT) is blocked


def test_publishing_unchanged_text_after_a_sign_off_is_allowed():
    reviewer, editor = reviewer_client(), role_client("Editor")
    post = make_post(published_at=None, procedures=[make_procedure()])
    _edit(editor, post)
    sign_off(reviewer, post)

    assert editor.post(change_url(post), _publish_form(post)).status_code == HTTPStatus.FOUND
    assert Post.objects.get(pk=post.pk).status == PostStatus.LIVE


def test_publishing_with_a_text_change_in_the_same_save_is_refused():
    reviewer, editor = reviewer_client(), role_client("Editor")
    post = make_post(published_at=None, procedures=[make_procedure()])
    sign_off(reviewer, post)

    response = editor.post(change_url(post), _publish_form(post, body="<p>Quick fix.</p>"))

    assert response.status_code == HTTPStatus.OK
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT and "Quick fix" not in post.body


@pytest.mark.parametrize("who", ["editor", "unlinked medical reviewer", "viewer with permission"])
def test_only_a_medical_reviewer_linked_to_a_profile_may_sign_off(who):
    post = make_post()
    make_reviewer()  # a profile linked to nobody
    client = {
        "editor": lambda: role_client("Editor"),
        "unlinked medical reviewer": lambda: role_client("Medical reviewer"),
        "viewer with permission": lambda: role_client(None, "articles.view_post"),
    }[who]()
    digest = digest_on_form(reviewer_client(email="x@example.com"), post)

    assert "Sign off this version" not in client.get(change_url(post)).content.decode()
    response = client.post(signoff_url(post), {"digest": digest})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not SignOff.objects.exists()
    post.refresh_from_db()
    assert post.reviewed_by is None


def test_a_sign_off_of_a_text_that_changed_since_the_page_was_opened_is_refused():
    reviewer = reviewer_client()
    post = make_post(body="<p>What the reviewer read.</p>")
    digest = digest_on_form(reviewer, post)
    Post.objects.filter(pk=post.pk).update(body="<p>Changed meanwhile.</p>")

    response = reviewer.post(signoff_url(post), {"digest": digest}, follow=True)

    assert "the post changed since you opened it" in response.content.decode()
    assert not SignOff.objects.exists()


def test_the_sign_off_address_takes_only_posts():
    reviewer = reviewer_client()
    post = make_post()
    assert reviewer.get(signoff_url(post)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert reviewer.post("/admin/articles/post/999999/sign-off/", {}).status_code in (
        HTTPStatus.NOT_FOUND,
        HTTPStatus.FOUND,  # the admin's "does not exist" redirect
    )


def test_restoring_an_old_text_of_a_live_post_waits_for_a_new_sign_off_like_an_edit():
    reviewer, editor = reviewer_client(), role_client("Editor")
    post = make_post(published_at=None, procedures=[make_procedure()])
    editor.post(change_url(post), _publish_form(post, body="<p>The first text.</p>"))
    _edit(editor, post, body="<p>The second text.</p>")  # never signed off yet: goes live
    sign_off(reviewer, post)
    first_live = Version.objects.get_for_object(post).filter(
        serialized_data__contains="The first text."
    )[0]
    versions, entries = Version.objects.get_for_object(post).count(), LogEntry.objects.count()

    response = editor.post(
        f"{change_url(post)[: -len('change/')]}history/{first_live.pk}/restore/", follow=True
    )

    assert "Not restored:" in response.content.decode()
    assert "changed since its last medical sign-off" in response.content.decode()
    post.refresh_from_db()
    assert post.is_live and "The second text." in post.body
    assert Version.objects.get_for_object(post).count() == versions
    assert LogEntry.objects.count() == entries


def test_restoring_the_signed_off_text_of_a_live_post_goes_through(settings):
    reviewer, editor = reviewer_client(), role_client("Editor")
    post = make_post(published_at=None, procedures=[make_procedure()])
    editor.post(change_url(post), _publish_form(post, body="<p>The signed text.</p>"))
    sign_off(reviewer, post)
    signed = Version.objects.get_for_object(post).order_by("-pk")[0]
    settings.SIGNOFF_REQUIRED_FOR = "none"
    _edit(editor, post, body="<p>An unreviewed text.</p>")
    settings.SIGNOFF_REQUIRED_FOR = "procedure"

    response = editor.post(
        f"{change_url(post)[: -len('change/')]}history/{signed.pk}/restore/", follow=True
    )

    assert "Restored the version of" in response.content.decode()
    post.refresh_from_db()
    assert post.is_live and "The signed text." in post.body


def test_pruning_old_versions_keeps_the_signed_off_version():
    reviewer, editor = reviewer_client(), role_client("Editor")
    post = make_post(published_at=None)
    _edit(editor, post, excerpt="Signed")
    sign_off(reviewer, post)
    signed = SignOff.objects.get(post=post).version
    for excerpt in ("Later", "Latest"):
        _edit(editor, post, excerpt=excerpt)

    call_command("prune_versions", "--keep=1", "--days=0", verbosity=0)

    assert SignOff.objects.get(post=post).version == signed
    left = [v.field_dict["excerpt"] for v in Version.objects.get_for_object(post)]
    assert sorted(left) == ["Latest", "Signed"]
