import datetime
import json
from http import HTTPStatus
from urllib.parse import unquote

import pytest
import time_machine
from django.utils import timezone

from comments.models import Comment, CommentStatus
from tests.builders import make_post
from tests.comments.builders import form_data, make_comment, send_comment, unique_ip

pytestmark = pytest.mark.django_db


def test_the_form_under_a_post_reads_like_wordpress(client):
    post = make_post(slug="needling")

    html = client.get("/needling/").content.decode()

    assert "Leave a Reply" in html
    assert "Your email address will not be published." in html
    assert "Required fields are marked" in html
    for label in ("Comment", "Name", "Email", "Website"):
        assert f'">{label}' in html
    assert "Save my name, email, and website in this browser for the next time I comment." in html
    assert "Notify me of replies by email" in html
    assert f'action="/comments/post/{post.pk}/"' in html
    assert 'src="/static/js/comments.js" defer' in html


def test_a_visitor_comment_is_stored_pending_and_the_browser_is_redirected(client):
    post = make_post(slug="needling")

    response = send_comment(client, post, body="Does it hurt?", ip="192.0.2.7")

    comment = Comment.objects.get()
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == f"/needling/?unapproved={comment.pk}#comment-{comment.pk}"
    assert comment.status == CommentStatus.PENDING
    assert comment.status_reason == "awaiting moderation"
    assert comment.ip_address == "192.0.2.7"
    assert comment.user_agent == "Mozilla/5.0 (test browser)"
    assert comment.body == "Does it hurt?"


def test_only_the_author_sees_their_comment_awaiting_moderation(client, django_app_client):
    post = make_post(slug="needling")
    response = send_comment(client, post, body="My own pending words")

    own = client.get(response["Location"])
    stranger = django_app_client.get(response["Location"])
    plain = client.get("/needling/")

    assert "My own pending words" in own.content.decode()
    assert "Your comment is awaiting moderation." in own.content.decode()
    assert "no-store" in own["Cache-Control"] and "private" in own["Cache-Control"]
    assert "My own pending words" not in stranger.content.decode()
    assert "awaiting moderation" not in stranger.content.decode()
    assert "My own pending words" not in plain.content.decode()
    assert "private" not in plain.get("Cache-Control", "")
    assert "no-store" not in plain.get("Cache-Control", "")


def test_a_forged_cookie_does_not_reveal_someone_elses_pending_comment(client):
    post = make_post(slug="needling")
    pending = make_comment(post, status=CommentStatus.PENDING, body="Somebody else's secret")
    client.cookies["comments_mine"] = str(pending.pk)

    html = client.get(f"/needling/?unapproved={pending.pk}").content.decode()

    assert "Somebody else" not in html


def test_errors_rerender_with_400_the_reason_and_everything_typed(client):
    post = make_post(slug="needling")

    response = send_comment(
        client, post, body="Kept text", author_name="Kept Name", author_email="not-an-email"
    )

    html = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Please give a valid email address." in html
    assert "Kept text" in html
    assert 'value="Kept Name"' in html
    assert 'value="not-an-email"' in html
    assert not Comment.objects.exists()


def test_a_missing_comment_and_name_are_explained(client):
    post = make_post()

    response = send_comment(client, post, body="  ", author_name="")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Please type your comment." in response.content.decode()
    assert "Please give a name" in response.content.decode()


def test_a_comment_longer_than_the_limit_is_refused_with_its_length(client, settings):
    settings.COMMENTS_MAX_LENGTH = 100
    post = make_post()

    response = send_comment(client, post, body="x" * 150)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "under 100 characters (it has 150)" in response.content.decode()


def test_nothing_is_remembered_without_the_consent_box(client):
    post = make_post()

    response = send_comment(client, post, author_name="Ann")

    assert "comment_author" not in response.cookies or not response.cookies["comment_author"].value


def test_with_consent_name_email_and_website_are_remembered_in_the_browser(client):
    post = make_post()

    response = send_comment(
        client,
        post,
        author_name="Ann",
        author_email="ann@example.net",
        author_url="https://ann.example.net/",
        remember="on",
    )

    saved = json.loads(unquote(response.cookies["comment_author"].value))
    assert saved == {"name": "Ann", "email": "ann@example.net", "url": "https://ann.example.net/"}
    assert response.cookies["comment_author"]["samesite"] == "Lax"


def test_reply_links_work_without_javascript_and_put_the_form_under_the_comment(client):
    post = make_post(slug="needling")
    first = make_comment(post, author_name="Priya", body="First!")
    second = make_comment(post, author_name="Marcus", body="Second.")

    html = client.get(f"/needling/?replytocom={first.pk}").content.decode()

    assert f'href="?replytocom={first.pk}#respond"' in html
    assert 'Leave a Reply<span class="comment-respond__to"> to Priya</span>' in html
    assert f'name="parent" value="{first.pk}"' in html
    assert html.index(f'id="comment-{first.pk}"') < html.index('id="respond"')
    assert html.index('id="respond"') < html.index(f'id="comment-{second.pk}"')
    assert "Cancel reply" in html


def test_a_reply_is_threaded_under_its_parent(client):
    post = make_post(slug="needling")
    parent = make_comment(post, author_name="Priya")

    send_comment(client, post, parent=str(parent.pk), body="A reply")

    reply = Comment.objects.get(body="A reply")
    assert reply.parent == parent
    assert reply.depth == 2


def test_staff_comments_are_approved_at_once_and_marked(staff_client):
    post = make_post(slug="needling")

    response = send_comment(staff_client, post, author_name="Editor", body="From the team")

    comment = Comment.objects.get()
    assert response["Location"] == f"/needling/#comment-{comment.pk}"
    assert comment.status == CommentStatus.APPROVED
    assert comment.is_by_staff
    assert comment.user == staff_client.user
    html = staff_client.get("/needling/").content.decode()
    assert "From the team" in html
    assert "comment--staff" in html
    # Not the post's author: marked as the site's team (the author gets "Author").
    assert '<span class="comment__badge">CosMedicList team</span>' in html


def test_approved_comments_appear_threaded_with_initials_avatars(client):
    post = make_post(slug="needling")
    parent = make_comment(post, author_name="Priya Sharma", body="Question")
    make_comment(post, parent=parent, author_name="Ellis", body="Answer")

    html = client.get("/needling/").content.decode()

    assert "2 responses to" in html
    assert '<span class="comment__avatar comment__avatar--' in html
    assert ">PS</span>" in html
    assert 'class="comment-list comment-list--replies"' in html
    assert html.index("Question") < html.index("Answer")
    assert "gravatar" not in html.lower()


def test_a_comment_link_opens_the_post_page_at_that_comment(client):
    post = make_post(slug="needling")
    comment = make_comment(post, body="Worth linking to")

    path, fragment = comment.get_absolute_url().split("#")
    html = client.get(path).content.decode()

    assert path == "/needling/"
    assert comment.get_absolute_url("cpage=2") == f"/needling/?cpage=2#{fragment}"
    assert f'<li class="comment" id="{fragment}">' in html
    assert f'href="#{fragment}"' in html


def test_long_discussions_are_split_into_pages(client, settings):
    settings.COMMENTS_PER_PAGE = 2
    post = make_post(slug="needling")
    for n in range(5):
        make_comment(post, body=f"Thread {n}")

    first = client.get("/needling/").content.decode()
    third = client.get("/needling/?cpage=3").content.decode()

    assert "Thread 0" in first and "Thread 2" not in first
    assert "Comments page 1 of 3" in first
    assert "Thread 4" in third and "Thread 0" not in third


def test_comment_counts_show_on_listings(client):
    post = make_post(title="Needling")
    make_comment(post)
    make_comment(post)
    make_comment(post, status=CommentStatus.PENDING)

    html = client.get("/").content.decode()

    assert "2 comments</a>" in html


def test_closed_posts_show_no_form(client):
    make_post(slug="closed", comments_open=False)

    html = client.get("/closed/").content.decode()

    assert "Comments are closed." in html
    assert "Leave a Reply" not in html


def test_comments_close_by_themselves_after_the_configured_days(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_post(slug="old", published_at=timezone.now() - datetime.timedelta(days=31))
    make_post(slug="fresh", published_at=timezone.now() - datetime.timedelta(days=29))

    assert "Comments are closed." in client.get("/old/").content.decode()
    assert "Leave a Reply" in client.get("/fresh/").content.decode()
    response = send_comment(client, old)
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_comments_never_close_by_age_by_default(client):
    make_post(slug="ancient", published_at=timezone.now() - datetime.timedelta(days=4000))

    assert "Leave a Reply" in client.get("/ancient/").content.decode()


def test_posting_to_a_draft_or_missing_post_is_404(client):
    draft = make_post(published_at=None)

    assert send_comment(client, draft).status_code == HTTPStatus.NOT_FOUND
    assert client.post("/comments/post/999999/", {}).status_code == HTTPStatus.NOT_FOUND


def test_the_endpoint_only_accepts_post(client):
    post = make_post()

    assert client.get(f"/comments/post/{post.pk}/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_a_cached_copy_of_the_page_still_lets_another_visitor_post(client, django_app_client):
    """The form carries nothing per visitor: a page rendered for one works for anyone."""
    post = make_post(slug="needling")
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=5)):
        html = client.get("/needling/").content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]

    django_app_client.cookies.clear()
    response = django_app_client.post(
        f"/comments/post/{post.pk}/", form_data(post, token=token), REMOTE_ADDR=unique_ip()
    )

    assert response.status_code == HTTPStatus.SEE_OTHER
    assert Comment.objects.count() == 1


def test_after_posting_the_page_holding_the_new_comment_is_shown(client, staff_client, settings):
    settings.COMMENTS_PER_PAGE = 2
    post = make_post(slug="needling")
    for n in range(4):
        make_comment(post, body=f"Thread {n}")

    held = send_comment(client, post, body="Mine, held")
    staff = send_comment(staff_client, post, body="From the team")

    assert "Mine, held" in client.get(held["Location"]).content.decode()
    comment = Comment.objects.get(body="From the team")
    assert staff["Location"] == f"/needling/?cpage=3#comment-{comment.pk}"
    assert "From the team" in client.get(staff["Location"]).content.decode()


def test_deleting_a_post_takes_its_threaded_comments_with_it():
    post = make_post()
    parent = make_comment(post)
    make_comment(post, parent=make_comment(post, parent=parent))

    post.delete()

    assert not Comment.objects.exists()


def test_the_page_showing_a_held_comment_is_never_answered_with_304(client):
    post = make_post(slug="needling")
    etag = client.get("/needling/")["ETag"]
    response = send_comment(client, post, body="Held words")

    own = client.get(response["Location"], HTTP_IF_NONE_MATCH=etag)

    assert own.status_code == HTTPStatus.OK
    assert "Held words" in own.content.decode()


def test_the_post_page_validators_change_before_the_form_token_could_expire(client, settings):
    settings.COMMENTS_MAX_AGE_SECONDS = 3600
    make_post(slug="needling")
    etag = client.get("/needling/")["ETag"]

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=31)):
        response = client.get("/needling/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == HTTPStatus.OK
