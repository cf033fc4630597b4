"""What the head of each page says to search engines, social sites and feed readers.

`head_for(context)` reads the page's own template context (the post, page, procedure or
list a view already renders) and returns the canonical URL, the Open Graph / Twitter values,
the feeds to announce and the JSON-LD blocks. JSON-LD is built here as Python data and only
serialised by `json_ld()`, never assembled from template strings. No email ever goes in.
"""

from __future__ import annotations

import datetime
import json
import mimetypes
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from .links import absolute_url
from .models import Category, Page, Post, Procedure, Tag

SCHEMA = "https://schema.org"
LANGUAGE = "en-GB"
PROCEDURE_TYPES = {
    "non_invasive": f"{SCHEMA}/NoninvasiveProcedure",
    "minimally_invasive": f"{SCHEMA}/PercutaneousProcedure",
}
HOME_VIEWS = {"articles:home", "articles:home_page"}


@dataclass
class Image:
    url: str
    width: int | None
    height: int | None
    alt: str
    mime_type: str


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


_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data: dict) -> SafeString:
    """JSON safe inside `<script>`: no `</script>`, `<!--` or `]]>` can survive, because
    every `<`, `>` and `&` becomes a JSON escape that parses back to the same character."""
    return mark_safe(json.dumps(data, ensure_ascii=False, default=str).translate(_ESCAPES))


def default_description() -> str:
    """The site's own description, for pages that have none (plain text, kept as site copy in
    templates/articles/_site_description.html with the base template's default)."""
    return str(render_to_string("articles/_site_description.html")).strip()


def _iso(moment: datetime.datetime | datetime.date | None) -> str | None:
    return moment.isoformat() if moment else None


def _person_name(user) -> str:
    return user.get_full_name() or user.get_username()


def _organisation(request: HttpRequest) -> dict:
    return {
        "@type": "Organization",
        "@id": absolute_url(request, "/") + "#organization",
        "name": settings.SITE_NAME,
        "url": absolute_url(request, "/"),
        "logo": {"@type": "ImageObject", "url": absolute_url(request, static("img/favicon.svg"))},
    }


def _featured_image(request: HttpRequest, post: Post) -> Image | None:
    if not post.featured_image:
        return None
    return Image(
        url=absolute_url(request, post.featured_image.url),
        width=post.featured_image_width,
        height=post.featured_image_height,
        alt=post.featured_image_alt,
        mime_type=mimetypes.guess_type(post.featured_image.name)[0] or "image/jpeg",
    )


def breadcrumb_list(request: HttpRequest, crumbs: list, canonical: str) -> dict:
    items = [{"name": "Home", "url": absolute_url(request, "/")}]
    items += [
        {"name": str(label), "url": absolute_url(request, url) if url else canonical}
        for label, url in crumbs
    ]
    elements = []
    for position, item in enumerate(items, start=1):
        element = {"@type": "ListItem", "position": position, "name": item["name"]}
        if item["url"]:
            element["item"] = item["url"]
        elements.append(element)
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": elements}


def medical_web_page(request: HttpRequest, post: Post, canonical: str, context) -> dict:
    author_url = reverse("articles:author_detail", kwargs={"username": post.author.get_username()})
    data: dict = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "@id": canonical + "#webpage",
        "url": canonical,
        "name": post.seo_title or post.title,
        "headline": post.title[:110],
        "description": post.description,
        "inLanguage": LANGUAGE,
        "datePublished": _iso(post.published_at),
        "dateModified": _iso(max(post.updated_at, post.published_at or post.updated_at)),
        "author": {
            "@type": "Person",
            "name": _person_name(post.author),
            "url": absolute_url(request, author_url),
        },
        "publisher": _organisation(request),
        "isPartOf": {"@id": absolute_url(request, "/") + "#website"},
    }
    image = _featured_image(request, post)
    if image:
        data["image"] = {
            "@type": "ImageObject",
            "url": image.url,
            "width": image.width,
            "height": image.height,
        }
    procedures = context.get("procedures") or []
    if procedures:
        data["about"] = [
            {
                "@type": "MedicalProcedure",
                "name": procedure.name,
                "url": absolute_url(request, procedure.get_absolute_url()),
            }
            for procedure in procedures
        ]
    tags = context.get("tags") or []
    if tags:
        data["keywords"] = ", ".join(tag.name for tag in tags)
    references = context.get("references") or []
    if references:
        data["citation"] = [
            {"@type": "CreativeWork", "name": ref.title, **({"url": ref.link} if ref.link else {})}
            for ref in references
        ]
    if post.reviewed_by_id:
        reviewer = post.reviewed_by
        data["reviewedBy"] = {
            "@type": "Person",
            "name": reviewer.name,
            "honorificSuffix": reviewer.credentials,
            **({"url": reviewer.url} if reviewer.url else {}),
        }
    if post.last_reviewed_on:
        data["lastReviewed"] = _iso(post.last_reviewed_on)
    return data


def _sentences(parts: list[str]) -> str:
    return " ".join(part.rstrip(". ") + "." for part in parts)


def medical_procedure(request: HttpRequest, procedure: Procedure, canonical: str) -> dict:
    data: dict = {
        "@context": SCHEMA,
        "@type": "MedicalProcedure",
        "@id": canonical + "#procedure",
        "url": canonical,
        "name": procedure.name,
    }
    if procedure.alias_list:
        data["alternateName"] = procedure.alias_list
    if procedure.summary:
        data["description"] = procedure.summary
    if procedure.invasiveness in PROCEDURE_TYPES:
        data["procedureType"] = PROCEDURE_TYPES[procedure.invasiveness]
    performed = [
        part
        for part in (
            procedure.get_invasiveness_display() if procedure.invasiveness else "",
            procedure.setting,
            f"A session takes about {procedure.session_minutes} minutes"
            if procedure.session_minutes
            else "",
            f"Suitable skin types: {procedure.skin_types}" if procedure.skin_types else "",
        )
        if part
    ]
    if performed:
        data["howPerformed"] = _sentences(performed)
    followup = [
        part
        for part in (
            f"Usual course: {procedure.course}" if procedure.course else "",
            f"Downtime: {procedure.downtime}" if procedure.downtime else "",
        )
        if part
    ]
    if followup:
        data["followup"] = _sentences(followup)
    if procedure.treats_list:
        data["indication"] = [
            {"@type": "MedicalIndication", "name": name} for name in procedure.treats_list
        ]
    related = list(procedure.related.all())
    if related:
        data["relatedLink"] = [absolute_url(request, other.get_absolute_url()) for other in related]
    return data


def web_site(request: HttpRequest) -> dict:
    home = absolute_url(request, "/")
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": home + "#website",
        "url": home,
        "name": settings.SITE_NAME,
        "description": settings.SITE_TAGLINE,
        "inLanguage": LANGUAGE,
        "publisher": _organisation(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(request, "/search/") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def _site_feeds(request: HttpRequest) -> list[Feed]:
    return [
        Feed(settings.SITE_NAME, absolute_url(request, reverse("articles:feed"))),
        Feed(
            f"{settings.SITE_NAME} (Atom)",
            absolute_url(request, reverse("articles:feed_atom")),
            "application/atom+xml",
        ),
    ]


def head_for(context) -> Head:
    """The head of the page rendered with this template context."""
    request: HttpRequest = context["request"]
    noindex = bool(context.get("noindex") or context.get("is_preview"))
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    post, page, procedure = context.get("post"), context.get("page"), context.get("procedure")
    archive = context.get("archive_object")
    feeds = _site_feeds(request)

    if isinstance(post, Post):
        canonical = absolute_url(request, post.get_absolute_url())
        categories = context.get("categories") or []
        head = Head(
            title=post.seo_title or post.title,
            description=post.description,
            canonical=canonical,
            og_type="article",
            image=_featured_image(request, post),
            published=post.published_at,
            modified=max(post.updated_at, post.published_at or post.updated_at),
            section=categories[0].name if categories else "",
            tags=[tag.name for tag in context.get("tags") or []],
        )
        head.json_ld.append(medical_web_page(request, post, canonical, context))
    elif isinstance(page, Page):
        canonical = absolute_url(request, page.get_absolute_url())
        head = Head(title=page.title, description=page.description, canonical=canonical)
    elif isinstance(procedure, Procedure):
        canonical = absolute_url(request, procedure.get_absolute_url())
        head = Head(
            title=procedure.name,
            description=procedure.summary or f"{procedure.name}: what it treats and downtime.",
            canonical=canonical,
        )
        head.json_ld.append(medical_procedure(request, procedure, canonical))
        feeds.append(
            Feed(
                f"{procedure.name} — {settings.SITE_NAME}",
                absolute_url(request, reverse("articles:procedure_feed", args=[procedure.slug])),
            )
        )
    else:
        canonical = absolute_url(request, request.path)
        title = context.get("title") or ""
        head = Head(
            title=str(title) or settings.SITE_NAME,
            description=Truncator(
                str(context.get("description") or title or default_description())
            ).words(40, truncate=" …"),  # as the template's truncatewords
            canonical=canonical,
        )
        if view_name in HOME_VIEWS:
            head.title = f"{settings.SITE_NAME} — {settings.SITE_TAGLINE}"
            head.description = default_description()
            head.json_ld.append(web_site(request))
        if isinstance(archive, Category):
            feeds.append(
                Feed(
                    f"{archive.name} — {settings.SITE_NAME}",
                    absolute_url(request, reverse("articles:category_feed", args=[archive.path])),
                )
            )
        elif isinstance(archive, Tag):
            feeds.append(
                Feed(
                    f"{archive.name} — {settings.SITE_NAME}",
                    absolute_url(request, reverse("articles:tag_feed", args=[archive.slug])),
                )
            )

    if noindex:
        head.canonical = ""
    crumbs = context.get("breadcrumbs") or []
    if crumbs:
        head.json_ld.append(breadcrumb_list(request, crumbs, head.canonical))
    head.feeds = feeds
    return head
