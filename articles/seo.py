"""What the head of each page says to search engines, social sites and feed readers.

Each view knows what page it renders and builds its head with one of the builders below
(`post_head`, `page_head`, `procedure_head`, `home_head`, `category_head`, `tag_head`,
`author_head`, `reviewer_head`, `basic_head`), passed to the template as `head`: the canonical
URL, the Open Graph / Twitter values, the feeds to announce and the JSON-LD blocks (see
`jsonld.py`). The base template's `head_meta()` only renders it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import Truncator

from . import extensions, jsonld
from .jsonld import Image
from .links import absolute_url
from .models import AuthorProfile, Category, Page, Post, Procedure, Reference, Reviewer, Tag

Crumbs = Sequence[tuple[str, str]]


@dataclass
class Feed:
    title: str
    url: str
    mime_type: str = "application/rss+xml"


@dataclass
class Head:
    title: str
    description: str
    canonical: str = ""
    og_type: str = "website"
    image: Image | None = None
    published: datetime.datetime | None = None
    modified: datetime.datetime | None = None
    section: str = ""
    tags: list[str] = field(default_factory=list)
    feeds: list[Feed] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)


class MissingHead(LookupError):
    """A page was rendered without the `head` its view should have built."""


def default_description() -> str:
    """The site's own description, for pages that have none (plain text, kept as site copy in
    jinja2/articles/_site_description.html with the base template's default)."""
    return str(render_to_string("articles/_site_description.html")).strip()


def _site_feeds(request: HttpRequest) -> list[Feed]:
    return [
        Feed(settings.SITE_NAME, absolute_url(request, reverse("discovery:feed"))),
        Feed(
            f"{settings.SITE_NAME} (Atom)",
            absolute_url(request, reverse("discovery:feed_atom")),
            "application/atom+xml",
        ),
    ]


def _subject_feed(request: HttpRequest, name: str, url: str) -> Feed:
    return Feed(f"{name} — {settings.SITE_NAME}", absolute_url(request, url))


def _finish(
    request: HttpRequest,
    head: Head,
    *,
    breadcrumbs: Crumbs,
    noindex: bool,
    feed: Feed | None = None,
) -> Head:
    """What every page's head has: the site's feeds (and the page's own), the breadcrumbs, and
    no canonical link on a page that is not to be indexed."""
    if noindex:
        head.canonical = ""
    if breadcrumbs:
        head.json_ld.append(jsonld.breadcrumb_list(request, list(breadcrumbs), head.canonical))
    head.feeds = [*_site_feeds(request), *([feed] if feed else [])]
    return head


def post_head(
    request: HttpRequest,
    post: Post,
    *,
    categories: Sequence[Category] = (),
    procedures: Sequence[Procedure] = (),
    tags: Sequence[Tag] = (),
    references: Sequence[Reference] = (),
    breadcrumbs: Crumbs = (),
    noindex: bool = False,
) -> Head:
    canonical = post.seo_canonical or absolute_url(request, post.get_absolute_url())
    noindex = noindex or post.seo_noindex
    head = Head(
        title=post.seo_title or post.title,
        description=post.description,
        canonical=canonical,
        og_type="article",
        image=jsonld.featured_image(request, post),
        published=post.published_at,
        modified=max(post.updated_at, post.published_at or post.updated_at),
        section=categories[0].name if categories else "",
        tags=[tag.name for tag in tags],
    )
    head.json_ld.append(
        jsonld.medical_web_page(
            request, post, canonical, procedures=procedures, tags=tags, references=references
        )
    )
    head = _finish(request, head, breadcrumbs=breadcrumbs, noindex=noindex)
    head.feeds += [Feed(title, url) for title, url in extensions.post_feeds_for(request, post)]
    return head


def page_head(
    request: HttpRequest, page: Page, *, breadcrumbs: Crumbs = (), noindex: bool = False
) -> Head:
    canonical = page.seo_canonical or absolute_url(request, page.get_absolute_url())
    noindex = noindex or page.seo_noindex
    head = Head(title=page.seo_title or page.title, description=page.description,
                canonical=canonical)  # fmt: skip
    return _finish(request, head, breadcrumbs=breadcrumbs, noindex=noindex)


def procedure_head(request: HttpRequest, procedure: Procedure, *, breadcrumbs: Crumbs = ()) -> Head:
    canonical = absolute_url(request, procedure.get_absolute_url())
    head = Head(
        title=procedure.name,
        description=procedure.summary or f"{procedure.name}: what it treats and downtime.",
        canonical=canonical,
    )
    head.json_ld.append(jsonld.medical_procedure(request, procedure, canonical))
    feed = _subject_feed(
        request, procedure.name, reverse("discovery:procedure_feed", args=[procedure.slug])
    )
    return _finish(request, head, breadcrumbs=breadcrumbs, noindex=False, feed=feed)


def _basic(request: HttpRequest, title: str, description: str) -> Head:
    return Head(
        title=title or settings.SITE_NAME,
        description=Truncator(description or title or default_description()).words(
            40, truncate=" …"
        ),  # as the templates' truncatewords
        canonical=absolute_url(request, request.path),
    )


def basic_head(
    request: HttpRequest,
    title: str = "",
    *,
    description: str = "",
    breadcrumbs: Crumbs = (),
    noindex: bool = False,
) -> Head:
    """A page with no object of its own (archives, search, error and notice pages)."""
    head = _basic(request, str(title), str(description))
    return _finish(request, head, breadcrumbs=breadcrumbs, noindex=noindex)


def home_head(request: HttpRequest) -> Head:
    head = _basic(request, "", "")
    head.title = f"{settings.SITE_NAME} — {settings.SITE_TAGLINE}"
    head.description = default_description()
    head.json_ld.append(jsonld.web_site(request))
    return _finish(request, head, breadcrumbs=(), noindex=False)


def category_head(request: HttpRequest, category: Category, *, breadcrumbs: Crumbs = ()) -> Head:
    head = _basic(request, category.name, category.description)
    feed = _subject_feed(
        request, category.name, reverse("discovery:category_feed", args=[category.path])
    )
    return _finish(request, head, breadcrumbs=breadcrumbs, noindex=False, feed=feed)


def tag_head(request: HttpRequest, tag: Tag, *, breadcrumbs: Crumbs = ()) -> Head:
    head = _basic(request, tag.name, "")
    feed = _subject_feed(request, tag.name, reverse("discovery:tag_feed", args=[tag.slug]))
    return _finish(request, head, breadcrumbs=breadcrumbs, noindex=False, feed=feed)


def _photo(request: HttpRequest, person: AuthorProfile | Reviewer) -> Image | None:
    return jsonld.image_of(
        request, person.photo, person.photo_width, person.photo_height, person.name
    )


def author_head(request: HttpRequest, profile: AuthorProfile, *, breadcrumbs: Crumbs = ()) -> Head:
    profile_url = absolute_url(request, profile.get_absolute_url())
    head = _basic(request, profile.name, profile.bio or f"Articles by {profile.name}.")
    head.og_type, head.image = "profile", _photo(request, profile)
    head.json_ld.append(jsonld.author_profile_page(request, profile, profile_url))
    return _finish(request, head, breadcrumbs=breadcrumbs, noindex=False)


def reviewer_head(request: HttpRequest, reviewer: Reviewer, *, breadcrumbs: Crumbs = ()) -> Head:
    profile_url = absolute_url(request, reviewer.get_absolute_url())
    head = _basic(
        request,
        f"{reviewer.name}, {reviewer.credentials}",
        reviewer.bio or f"Articles medically reviewed by {reviewer.name}.",
    )
    head.og_type, head.image = "profile", _photo(request, reviewer)
    head.json_ld.append(jsonld.reviewer_profile_page(request, reviewer, profile_url))
    return _finish(request, head, breadcrumbs=breadcrumbs, noindex=False)
