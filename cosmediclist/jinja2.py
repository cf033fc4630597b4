"""The Jinja2 environment of the public pages (templates in jinja2/).

The globals and filters stand in for the Django template tags and filters these pages used,
calling the same Python functions, so a page prints what it printed before. Output is escaped
as Django escapes it (`&quot;`, `&#x27;`) rather than with Jinja2's own entities, so that
the markup stays the same byte for byte.
"""

from __future__ import annotations

import html

from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils import dateformat
from django.utils.formats import FORMAT_SETTINGS
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from jinja2 import ChainableUndefined, Environment, Undefined, pass_context
from jinja2.runtime import Context

from articles.jsonld import json_ld
from articles.links import absolute_url, path_to, post_share_links
from articles.seo import Head, MissingHead
from comments.thread import render_thread


def _finalize(value: object) -> object:
    """What `{{ value }}` prints: Django's `conditional_escape` (the same characters, the same
    entities), without its lazy-string wrapper, which costs more than the escaping itself here:
    a post page prints a few hundred values."""
    if hasattr(value, "__html__"):
        return value
    return SafeString(html.escape(str(value)))


def url(name: str, *args: object, **kwargs: object) -> str:
    """`{% url %}`: the path of a named route."""
    if args:
        return reverse(name, args=args, kwargs=kwargs or None)
    return path_to(name, **kwargs)


def date(value: object, arg: str | None = None) -> str:
    """Django's `date` filter, given the value in the current time zone as Django's
    templates give it. A literal format goes straight to `dateformat.format`, as the filter
    would send it after looking for a format setting of that name."""
    if isinstance(value, Undefined) or value in (None, ""):
        return ""
    if arg is None or arg in FORMAT_SETTINGS:
        return defaultfilters.date(template_localtime(value), arg)
    try:
        return dateformat.format(template_localtime(value), arg)
    except AttributeError:
        return ""


def pluralize(value: object, arg: str = "s") -> str:
    return defaultfilters.pluralize(value, arg)


def join(value: object, arg: str) -> str:
    """Django's `join`: each item and the separator escaped."""
    return defaultfilters.join(value, arg, autoescape=True)


def linebreaks(value: object) -> str:
    return defaultfilters.linebreaks_filter(value, autoescape=True)


@pass_context
def head_meta(context: Context) -> SafeString:
    """Canonical link, social preview tags, feed links and JSON-LD: the `head` the view built
    for its page (with `articles.seo`'s builders). Nothing is guessed from the rest of the page."""
    head = context.get("head")
    if not isinstance(head, Head):
        raise MissingHead(
            f"{context.name or 'A page'} was rendered without `head`: its view "
            "must pass one built by articles.seo (post_head, page_head, basic_head, …)."
        )
    template = context.environment.get_template("articles/_head.html")
    return mark_safe(template.render(head=head, site_name=context.get("site_name")))


@pass_context
def absolute(context: Context, path: str) -> str:
    """An absolute URL for a path: SITE_URL, else this request's host."""
    return absolute_url(context.get("request"), path)


@pass_context
def share_links_for(context: Context, post: object) -> list[tuple[str, str]]:
    return post_share_links(context.get("request"), post)


@pass_context
def comment_thread(context: Context, discussion: object) -> SafeString:
    """The discussion's comments (comments/thread.py), with the reply form under the comment
    being answered, rendered with this page's values as an include would be."""
    reply_to = discussion.reply_to

    def reply_form(comment: object) -> str:
        template = context.environment.get_template("comments/_form.html")
        return template.render({**context.get_all(), "form": discussion.form, "reply_to": comment})

    return mark_safe(
        render_thread(
            discussion.comments, reply_form if reply_to else None, reply_to.pk if reply_to else None
        )
    )


def environment(**options: object) -> Environment:
    # As in Django's templates, a missing value (or an attribute of one) prints nothing, with
    # DEBUG on or off alike: no Jinja2 debugging placeholder, no error for `a.b.c`.
    options["undefined"] = ChainableUndefined
    options.pop("autoescape", None)
    # `{{ value }}` is escaped as Django escapes it, not with Jinja2's own entities.
    env = Environment(autoescape=True, keep_trailing_newline=True, finalize=_finalize, **options)
    env.globals.update(
        {
            "static": static,
            "url": url,
            "head_meta": head_meta,
            "absolute": absolute,
            "share_links_for": share_links_for,
            "comment_thread": comment_thread,
        }
    )
    env.filters.update(
        {
            "date": date,
            "pluralize": pluralize,
            "join": join,
            "linebreaks": linebreaks,
            "truncatewords": defaultfilters.truncatewords,
            "urlencode": defaultfilters.urlencode,
            "json_ld": json_ld,
        }
    )
    return env
