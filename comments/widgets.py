"""The comment form's widgets and labels written out in Python.

The reply form is on every post page, and rendering its nine widgets and one label through
templates (an include per widget, another for its attributes) cost more than the rest of the
discussion. `CommentFormRenderer` prints the widgets the form uses — text, email, URL, hidden
and checkbox inputs, the textarea, the label tag — exactly as Django's own Jinja2 widget
templates print them, escaped as those templates escape; any other template goes to the
templates as before (`tests/comments/test_widgets.py` compares the two on every state of the
form).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.forms.renderers import Jinja2
from markupsafe import escape


def _attrs(attrs: Mapping) -> str:
    """django/forms/widgets/attrs.html: True prints the bare name, False nothing."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(context: Mapping) -> str:
    widget = context["widget"]
    value = widget["value"]
    shown = f' value="{escape(value)}"' if value != None else ""  # noqa: E711 - as the template
    return (
        f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _textarea(context: Mapping) -> str:
    widget = context["widget"]
    value = escape(widget["value"]) if widget["value"] else ""
    attrs = _attrs(widget["attrs"])
    return f'<textarea name="{escape(widget["name"])}"{attrs}>\n{value}</textarea>'


def _label(context: Mapping) -> str:
    label = escape(context["label"])
    if not context["use_tag"]:
        return str(label)
    tag = escape(context["tag"])
    attrs = _attrs(context["attrs"]) if context["attrs"] else ""
    return f"<{tag}{attrs}>{label}</{tag}>"


_WRITTEN: dict[str, Callable[[Mapping], str]] = {
    **{
        f"django/forms/widgets/{kind}.html": _input
        for kind in ("input", "text", "email", "url", "hidden", "checkbox")
    },
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/label.html": _label,
}


class CommentFormRenderer(Jinja2):
    """Django's Jinja2 form renderer, with the comment form's widgets written out."""

    def render(self, template_name, context, request=None):
        write = _WRITTEN.get(template_name)
        if write is None:
            return super().render(template_name, context, request)
        return write(context).strip()
