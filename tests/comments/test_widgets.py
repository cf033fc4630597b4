"""The comment form's widgets are written out in Python (comments/widgets.py); they must print
what Django's own Jinja2 widget templates print, byte for byte, in every state of the form."""

import pytest
from django.forms.renderers import Jinja2
from django.template import engines

from comments.forms import CommentForm
from comments.widgets import CommentFormRenderer
from tests.builders import make_post

pytestmark = pytest.mark.django_db

AWKWARD = "<b>Ana</b> & \"Quotes\" 'too'\n\nsecond line"


def _forms(post):
    yield CommentForm(post)
    yield CommentForm(post, initial={"parent": 7})
    # Bound and invalid: every field shows the sender's text back, escaped, with errors.
    yield CommentForm(
        post,
        data={
            "body": AWKWARD,
            "author_name": AWKWARD,
            "author_email": "not an <email>",
            "author_url": "javascript:'x'",
            "leave_empty": "&amp;",
            "parent": "abc",
            "remember": "on",
            "notify_replies": "on",
            "token": 'a"b',
        },
    )
    yield CommentForm(post, data={})


def _rendered(form, renderer) -> list[str]:
    """The same form object each time: only the renderer differs."""
    form.renderer = renderer
    form.is_valid()
    parts = [str(form[name]) for name in form.fields]
    parts += [form[name].label_tag() for name in form.fields]
    parts.append(form["leave_empty"].label_tag(attrs={"class": "x", "hidden": True}))
    parts.append(form["remember"].label_tag(contents="<i>Remember</i>"))
    return parts


def test_written_widgets_match_the_templates():
    post = make_post()
    for form in _forms(post):
        written = _rendered(form, CommentFormRenderer())
        templated = _rendered(form, Jinja2())
        assert written == templated
        assert any("<textarea" in part for part in written)


def test_the_whole_form_matches_the_templates():
    post = make_post()
    template = engines["jinja2"].get_template("comments/_form.html")
    for form in _forms(post):
        context = {"post": post, "form": form, "reply_to": None}
        written = template.render(context)
        form.renderer = Jinja2()
        assert written == template.render(context)


def test_other_templates_still_render_through_jinja2():
    post = make_post()
    form = CommentForm(post)
    html = CommentFormRenderer().render(form.template_name_div, form.get_context())
    assert 'name="author_email"' in html
