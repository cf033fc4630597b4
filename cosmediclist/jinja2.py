"""The Jinja2 environment of the public pages (templates in jinja2/).

The globals and filters stand in for the Django template tags and filters these pages used,
calling the same Python functions, so a page prints what it printed before. Output is escaped
as Django escapes it (`&quot;`, `&#x27;`) rather than with Jinja2's own entities, so that
the markup stays the same byte for byte.
"""

from __future__ import annotations

import datetime
import functools
import html

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import dateformat
from django.utils.dates import MONTHS, MONTHS_3
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


@functools.lru_cache(maxsize=256)
def _static(path: str, _script_prefix: str) -> str:
    return static(path)


def static_url(path: str) -> str:
    """`{% static %}`: the address of a static file, looked up once per process and script
    prefix (a relative STATIC_URL starts with the prefix; the manifest of hashed names does
    not change while the process runs)."""
    return _static(path, get_script_prefix())


@receiver(setting_changed)
def _forget_static_urls(*, setting: str, **kwargs) -> None:
    if setting in {"STORAGES", "STATIC_URL", "STATIC_ROOT", "DEBUG", "FORCE_SCRIPT_NAME"}:
        _static.cache_clear()


def url(name: str, *args: object, **kwargs: object) -> str:
    """`{% url %}`: the path of a named route."""
    if args:
        return reverse(name, args=args, kwargs=kwargs or None)
    return path_to(name, **kwargs)


def _offset(moment: datetime.datetime) -> str:
    """Django's `O` of an aware time (e.g. "+0200")."""
    offset = moment.utcoffset()
    seconds = offset.days * 86400 + offset.seconds
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}{(seconds // 60) % 60:02d}"


# The formats the public pages print, written out as `dateformat` prints them for an aware
# time (a post page prints about fifteen dates); anything else goes to `dateformat`.
_DATE_FORMATS = {
    "j F Y": lambda d: f"{d.day} {MONTHS[d.month]} {d.year:04d}",
    "j M Y": lambda d: f"{d.day} {MONTHS_3[d.month].title()} {d.year:04d}",
    "Y-m-d": lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}",
    "Y-m-d\\TH:i:sO": lambda d: (
        f"{d.year:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}:{d.second:02d}"
        f"{_offset(d)}"
    ),
    "c": lambda d: d.isoformat(),
}


def date(value: object, arg: str | None = None) -> str:
    """Django's `date` filter, given the value in the current time zone as Django's
    templates give it. A literal format goes straight to `dateformat.format`, as the filter
    would send it after looking for a format setting of that name."""
    if isinstance(value, Undefined) or value in (None, ""):
        return ""
    if arg is None or arg in FORMAT_SETTINGS:
        return defaultfilters.date(template_localtime(value), arg)
    written = _DATE_FORMATS.get(arg)
    if written is not None and isinstance(value, datetime.datetime) and value.tzinfo:
        return written(template_localtime(value))
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
            "static": static_url,
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
