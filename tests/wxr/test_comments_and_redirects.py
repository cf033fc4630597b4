"""Comments and redirects from an export. These need the comments app's Comment model and the
Redirect model; where a branch does not have them yet, the tests skip and the importer counts
those items as skipped (see test_import.py)."""

from http import HTTPStatus

import pytest

from articles.models import Post

from .helpers import (
    FIXTURES,
    comment_model,
    database_state,
    redirect_model,
    run_import,
    shared_wxr_dir,
)

pytestmark = pytest.mark.django_db
CLINIC = FIXTURES / "clinic-1.2.xml"
needs_comments = pytest.mark.skipif(
    comment_model() is None, reason="the comments app has no Comment model on this branch"
)
needs_redirects = pytest.mark.skipif(
    redirect_model() is None, reason="no Redirect model on this branch"
)


@needs_comments
def test_comments_keep_their_status_and_pingbacks_are_skipped():
    Comment = comment_model()

    output = run_import(CLINIC)

    statuses = dict(Comment.objects.values_list("author_name", "status"))
    assert statuses == {
        "Priya": "approved",
        "Dr Maya Okafor": "approved",
        "Lee": "pending",
        "Cheap pills": "spam",
        "Old note": "trash",
    }
    assert "comments: 1 skipped, pingback" in output


@needs_comments
def test_comments_keep_their_threads_authors_and_addresses():
    Comment = comment_model()

    run_import(CLINIC)

    reply = Comment.objects.get(author_name="Dr Maya Okafor")
    assert reply.parent.author_name == "Priya"
    assert Comment.objects.get(author_name="Lee").parent == reply
    priya = Comment.objects.get(author_name="Priya")
    assert priya.author_email == "priya@mail.example"
    assert str(priya.ip_address) == "203.0.113.9"
    assert priya.body == "Did it hurt?"
    assert priya.post == Post.objects.get(slug="microneedling-acne-scars")


@needs_comments
def test_imported_unpublished_comments_and_emails_never_show_publicly(client):
    run_import(CLINIC)

    page = client.get("/microneedling-acne-scars/").content.decode()

    assert "Did it hurt?" in page
    for hidden in ("Waiting for moderation.", "Buy now", "Binned.", "priya@mail.example",
                   "maya@glow.example", "203.0.113.9"):  # fmt: skip
        assert hidden not in page


@needs_comments
def test_importing_comments_twice_changes_nothing():
    run_import(CLINIC)
    before = database_state()

    run_import(CLINIC)

    assert database_state() == before


@needs_comments
@pytest.mark.skipif(not shared_wxr_dir().is_dir(), reason="no real-world exports")
def test_the_ten_deep_comment_chain_keeps_every_parent():
    Comment = comment_model()
    run_import(shared_wxr_dir() / "themeunittestdata.wordpress.xml")

    def depth(comment) -> int:
        return 0 if comment.parent_id is None else 1 + depth(comment.parent)

    assert max(depth(c) for c in Comment.objects.all()) >= 9


@needs_redirects
def test_old_permalinks_and_post_ids_answer_301_to_the_new_address(client):
    run_import(CLINIC)

    old = client.get("/2024/03/microneedling-acne-scars/")
    by_id = client.get("/?p=101")

    assert old.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert old["Location"].endswith("/microneedling-acne-scars/")
    assert by_id.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert by_id["Location"].endswith("/microneedling-acne-scars/")
