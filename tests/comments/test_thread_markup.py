"""The comment thread is built in Python (comments/thread.py) for speed; it must print what the
recursive thread template printed, byte for byte. `thread_reference.html` is that template
(its reply form stood in for by a marker), rendered here beside the Python version."""

from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory

from comments.discussion import build_discussion
from comments.models import CommentStatus
from comments.thread import render_thread
from tests.builders import make_post, make_user
from tests.comments.builders import make_comment

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).with_name("thread_reference.html").read_text()


def _discussion(query: str = ""):
    author = make_user(username="writer", first_name="Avery", last_name="Writer")
    post = make_post(author=author)
    first = make_comment(post, author_name="Ana <b>Bold</b> & \"Quotes\" 'too'", body="Hi\n\nthere")
    make_comment(
        post,
        author_name="O'Brien",
        author_url="https://example.net/a?b=1&c=<2>",
        body="See www.example.org, or https://example.com/x_(y).",
        parent=first,
    )
    reply = make_comment(post, parent=first, is_by_staff=True, user=author, body="Thanks.")
    make_comment(post, parent=reply, author_name="javascript:alert(1)", author_url="javascript:x")
    make_comment(post, author_name="Third", is_by_staff=True, body="From the team.")
    make_comment(post, status=CommentStatus.PENDING, author_name="Held")
    request = RequestFactory().get(f"/{post.slug}/{query}")
    return build_discussion(request, post)


def _reference(discussion) -> str:
    template = engines["django"].from_string(REFERENCE)
    context = {"comments": discussion.comments, "discussion": discussion, "thread": template}
    return template.render(context)


def test_the_thread_prints_what_the_thread_template_printed():
    discussion = _discussion()
    assert render_thread(discussion.comments) == _reference(discussion)


def test_the_reply_form_goes_where_the_template_put_it():
    discussion = _discussion()
    target = discussion.comments[0].children[0]
    discussion.reply_to = target
    python = render_thread(discussion.comments, lambda comment: "REPLY FORM", target.pk)
    assert python == _reference(discussion)
    assert python.count("REPLY FORM") == 1
