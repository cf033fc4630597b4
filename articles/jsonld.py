"""Structured data (schema.org JSON-LD) for the head of each page, built as Python data.

Only `json_ld()` turns it into text, escaped for a `<script>` element. No email ever goes in.
"""

from __future__ import annotations

import datetime
import json
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

from .authors import AuthorProfile, public_name
from .links import absolute_url
from .models import Post, Procedure, Reference, Reviewer, Tag

SCHEMA = "https://schema.org"
LANGUAGE = "en-GB"
PROCEDURE_TYPES = {
    "non_invasive": f"{SCHEMA}/NoninvasiveProcedure",
    "minimally_invasive": f"{SCHEMA}/PercutaneousProcedure",
}


@dataclass
class Image:
    url: str
    width: int | None
    height: int | None
    alt: str
    mime_type: str


_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data: dict) -> SafeString:
    """JSON safe inside `<script>`: no `</script>`, `<!--` or `]]>` can survive, because
    every `<`, `>` and `&` becomes a JSON escape that parses back to the same character."""
    return mark_safe(json.dumps(data, ensure_ascii=False, default=str).translate(_ESCAPES))


def _iso(moment: datetime.datetime | datetime.date | None) -> str | None:
    return moment.isoformat() if moment else None


def _person_name(user) -> str:
    return public_name(user)


def organisation(request: HttpRequest) -> dict:
    return {
        "@type": "Organization",
        "@id": absolute_url(request, "/") + "#organization",
        "name": settings.SITE_NAME,
        "url": absolute_url(request, "/"),
        "logo": {"@type": "ImageObject", "url": absolute_url(request, static("img/favicon.svg"))},
    }


def image_of(
    request: HttpRequest, file, width: int | None, height: int | None, alt: str
) -> Image | None:
    """The image stored in `file` (an image field's value), or None when the field is empty."""
    if not file:
        return None
    mime_type = mimetypes.guess_type(file.name)[0] or "image/jpeg"
    return Image(absolute_url(request, file.url), width, height, alt, mime_type)


def featured_image(request: HttpRequest, post: Post) -> Image | None:
    return image_of(
        request,
        post.featured_image,
        post.featured_image_width,
        post.featured_image_height,
        post.featured_image_alt,
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


def medical_web_page(
    request: HttpRequest,
    post: Post,
    canonical: str,
    *,
    procedures: Sequence[Procedure] = (),
    tags: Sequence[Tag] = (),
    references: Sequence[Reference] = (),
) -> dict:
    author_url = post.author.author_profile.get_absolute_url()
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
        "publisher": organisation(request),
        "isPartOf": {"@id": absolute_url(request, "/") + "#website"},
    }
    image = featured_image(request, post)
    if image:
        data["image"] = {
            "@type": "ImageObject",
            "url": image.url,
            "width": image.width,
            "height": image.height,
        }
    if procedures:
        data["about"] = [
            {
                "@type": "MedicalProcedure",
                "name": procedure.name,
                "url": absolute_url(request, procedure.get_absolute_url()),
            }
            for procedure in procedures
        ]
    if tags:
        data["keywords"] = ", ".join(tag.name for tag in tags)
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
            "url": absolute_url(request, reviewer.get_absolute_url()),
            **({"sameAs": [reviewer.url]} if reviewer.url else {}),
        }
    if post.last_reviewed_on:
        data["lastReviewed"] = _iso(post.last_reviewed_on)
    return data


def _profile_page(canonical: str, person: dict) -> dict:
    """A profile page whose main entity is the person (schema.org `ProfilePage`)."""
    return {
        "@context": SCHEMA,
        "@type": "ProfilePage",
        "@id": canonical + "#webpage",
        "url": canonical,
        "name": person["name"],
        "inLanguage": LANGUAGE,
        "mainEntity": person,
    }


def _person(request: HttpRequest, canonical: str, name: str, photo, **facts) -> dict:
    person: dict = {"@type": "Person", "@id": canonical + "#person", "name": name, "url": canonical}
    if photo:
        person["image"] = absolute_url(request, photo.url)
    person.update({key: value for key, value in facts.items() if value})
    return person


def author_profile_page(request: HttpRequest, profile: AuthorProfile, canonical: str) -> dict:
    person = _person(
        request,
        canonical,
        profile.name,
        profile.photo,
        jobTitle=profile.role,
        description=profile.bio,
        worksFor={"@id": absolute_url(request, "/") + "#organization"},
    )
    return _profile_page(canonical, person)


def reviewer_profile_page(request: HttpRequest, reviewer: Reviewer, canonical: str) -> dict:
    credentials = [
        {"@type": "EducationalOccupationalCredential", "name": credential}
        for credential in reviewer.credential_list
    ]
    person = _person(
        request,
        canonical,
        reviewer.name,
        reviewer.photo,
        honorificSuffix=reviewer.credentials,
        jobTitle="Medical reviewer",
        description=reviewer.bio,
        hasCredential=credentials,
        sameAs=[reviewer.url] if reviewer.url else [],
    )
    return _profile_page(canonical, person)


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
        "publisher": organisation(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(request, "/search/") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
