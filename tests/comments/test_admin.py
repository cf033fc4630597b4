from http import HTTPStatus

import pytest

from comments.models import Comment, CommentStatus, ModerationTerm, TermKind
from tests.builders import make_post
from tests.comments.builders import make_comment, send_comment

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


def _act(staff_client, action: str, *comments: Comment):
    return staff_client.post(
        CHANGELIST, {"action": action, "_selected_action": [c.pk for c in comments]}
    )


def test_a_visitor_comment_goes_live_threaded_after_a_staff_member_approves_it(
    client, staff_client
):
    """Acceptance 1: real form, pending and private, approved through the admin action."""
    post = make_post(slug="needling")
    parent = make_comment(post, author_name="Priya", body="Opening question")
    response = send_comment(
        client, post, parent=str(parent.pk), author_name="Jo", body="My reply, pending"
    )
    comment = Comment.objects.get(author_name="Jo")
    assert comment.status == CommentStatus.PENDING
    assert "My reply, pending" in client.get(response["Location"]).content.decode()
    assert "My reply, pending" not in client.__class__().get("/needling/").content.decode()

    result = _act(staff_client, "approve", comment)

    assert result.status_code == HTTPStatus.FOUND
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    html = client.__class__().get("/needling/").content.decode()
    replies = html.split(f'id="comment-{parent.pk}"')[1]
    assert 'class="comment-list comment-list--replies"' in replies
    assert f'id="comment-{comment.pk}"' in replies
    assert "My reply, pending" in replies
    assert "awaiting moderation" not in html


def test_the_changelist_shows_statuses_with_counts(staff_client):
    post = make_post()
    make_comment(post, status=CommentStatus.PENDING)
    make_comment(post, status=CommentStatus.PENDING)
    make_comment(post, status=CommentStatus.SPAM)

    html = staff_client.get(CHANGELIST).content.decode()

    assert "Pending (2)" in html
    assert "Approved (0)" in html
    assert "Spam (1)" in html
    assert "Trash (0)" in html


def test_the_changelist_filters_by_status(staff_client):
    post = make_post()
    make_comment(post, status=CommentStatus.PENDING, body="Held body")
    make_comment(post, status=CommentStatus.APPROVED, body="Public body")

    html = staff_client.get(CHANGELIST + "?status=pending").content.decode()

    assert "Held body" in html
    assert "Public body" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ann Onymous", True),
        ("ann@example.net", True),
        ("needle-words", True),
        ("192.0.2.44", True),
    ],
)
def test_the_changelist_searches_name_email_body_and_ip(staff_client, query, expected):
    post = make_post()
    make_comment(
        post,
        author_name="Ann Onymous",
        author_email="ann@example.net",
        body="Some needle-words here",
        ip_address="192.0.2.44",
    )
    make_comment(post, author_name="Other", body="Unrelated", ip_address="198.51.100.1")

    html = staff_client.get(CHANGELIST, {"q": query}).content.decode()

    assert ("Some needle-words here" in html) is expected
    assert "Unrelated" not in html


def test_email_and_ip_are_shown_to_staff_in_the_admin(staff_client):
    post = make_post()
    comment = make_comment(post, author_email="ann@example.net", ip_address="192.0.2.44")

    changelist = staff_client.get(CHANGELIST).content.decode()
    change = staff_client.get(f"{CHANGELIST}{comment.pk}/change/").content.decode()

    assert "ann@example.net" in changelist and "192.0.2.44" in changelist
    assert "ann@example.net" in change and "192.0.2.44" in change


@pytest.mark.parametrize(
    ("action", "start", "end"),
    [
        ("approve", CommentStatus.PENDING, CommentStatus.APPROVED),
        ("unapprove", CommentStatus.APPROVED, CommentStatus.PENDING),
        ("mark_spam", CommentStatus.PENDING, CommentStatus.SPAM),
        ("trash", CommentStatus.APPROVED, CommentStatus.TRASH),
    ],
)
def test_bulk_actions_change_the_status(staff_client, action, start, end):
    post = make_post()
    comments = [make_comment(post, status=start) for _ in range(3)]

    _act(staff_client, action, *comments)

    assert set(Comment.objects.values_list("status", flat=True)) == {end}
    assert set(Comment.objects.values_list("status_reason", flat=True)) == {
        f"set to {end} by staffer"
    }


def test_approving_or_hiding_a_comment_touches_the_post(staff_client):
    post = make_post()
    comment = make_comment(post, status=CommentStatus.PENDING)
    before = type(post).objects.get(pk=post.pk).changed_at

    _act(staff_client, "approve", comment)
    approved_at = type(post).objects.get(pk=post.pk).changed_at
    _act(staff_client, "trash", comment)
    trashed_at = type(post).objects.get(pk=post.pk).changed_at

    assert before < approved_at < trashed_at


def test_a_held_comment_does_not_touch_the_post(client):
    post = make_post()
    before = type(post).objects.get(pk=post.pk).changed_at

    send_comment(client, post)

    assert type(post).objects.get(pk=post.pk).changed_at == before


def test_editing_an_approved_comment_touches_the_post_and_editing_a_pending_one_does_not():
    post = make_post()
    public = make_comment(post)
    held = make_comment(post, status=CommentStatus.PENDING)
    first = type(post).objects.get(pk=post.pk).changed_at

    held.body = "Edited while held"
    held.save()
    after_held = type(post).objects.get(pk=post.pk).changed_at
    public = Comment.objects.get(pk=public.pk)
    public.body = "Edited in public"
    public.save()

    assert after_held == first
    assert type(post).objects.get(pk=post.pk).changed_at > first


def test_staff_can_edit_a_comment_in_the_admin(staff_client):
    post = make_post()
    comment = make_comment(post, status=CommentStatus.PENDING, body="Typo hre")
    data = {
        "status": CommentStatus.APPROVED,
        "author_name": comment.author_name,
        "author_email": comment.author_email,
        "author_url": "",
        "body": "Typo here",
    }

    response = staff_client.post(f"{CHANGELIST}{comment.pk}/change/", data)

    assert response.status_code == HTTPStatus.FOUND
    comment.refresh_from_db()
    assert (comment.body, comment.status) == ("Typo here", CommentStatus.APPROVED)


def test_the_pending_count_is_in_the_admin_header_and_index(staff_client):
    post = make_post()
    for _ in range(3):
        make_comment(post, status=CommentStatus.PENDING)

    index = staff_client.get("/admin/").content.decode()
    other = staff_client.get("/admin/articles/post/").content.decode()

    assert "Pending comments: 3" in index
    assert "Pending comments: 3" in other
    assert 'href="/admin/comments/comment/?status=pending"' in index


def test_moderation_terms_are_editable_in_the_admin(staff_client):
    response = staff_client.post(
        "/admin/comments/moderationterm/add/", {"term": " casino ", "kind": TermKind.DISALLOW}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert ModerationTerm.objects.get().term == "casino"


def test_a_comments_title_in_the_admin_never_shows_the_email():
    comment = make_comment(make_post(), author_email="ann@example.net")

    assert "ann@" not in str(comment)


def test_deleting_approved_comments_in_bulk_touches_the_post(staff_client):
    post = make_post()
    comment = make_comment(post)
    before = type(post).objects.get(pk=post.pk).changed_at

    response = staff_client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [comment.pk], "post": "yes"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not Comment.objects.exists()
    assert type(post).objects.get(pk=post.pk).changed_at > before
