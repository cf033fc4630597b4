"""`/sitemap.xml` and `/robots.txt`.

The sitemap lists exactly the public pages worth indexing: the home page, the procedure index,
live posts (with their featured image), published pages, categories and tags with live posts,
and every procedure. Up to SITEMAP_SECTION_SIZE addresses it is one file; beyond that,
`/sitemap.xml` becomes an index of `/sitemap-<section>.xml` files of at most that many each.
Every section costs a fixed number of queries, however many posts there are.
"""

from __future__ import annotations

import datetime
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles.links import absolute_url
from articles.models import Category, Page, Post, Procedure, Tag


def _newest_post_change(**filters) -> Subquery:
    return Subquery(
        Post.objects.published().filter(**filters).order_by("-changed_at").values("changed_at")[:1]
    )


class SiteSitemap(Sitemap):
    """A section of the sitemap, made for one request (absolute URLs follow SITE_URL)."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @property
    def limit(self) -> int:
        return settings.SITEMAP_SECTION_SIZE

    @cached_property
    def paginator(self) -> Paginator:
        return Paginator(self.items(), self.limit)

    def images(self, item) -> list[dict]:
        return []

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        base = urlsplit(absolute_url(self.request, "/"))
        urls = self._urls(page, base.scheme, base.netloc)
        for url in urls:
            url["images"] = self.images(url["item"])
        return urls

    def lastmod(self, item) -> datetime.datetime | None:
        return item.lastmod

    def get_latest_lastmod(self) -> datetime.datetime | None:
        return self.items().aggregate(latest=Max("lastmod"))["latest"]


class StaticSitemap(SiteSitemap):
    def items(self) -> list[str]:
        return ["articles:home", "articles:procedure_list"]

    def location(self, item: str) -> str:
        return reverse(item)

    @cached_property
    def newest(self) -> datetime.datetime | None:
        newest = Post.objects.published().aggregate(latest=Max("changed_at"))["latest"]
        procedures = Procedure.objects.aggregate(latest=Max("updated_at"))["latest"]
        return max((d for d in (newest, procedures) if d), default=None)

    def lastmod(self, item: str) -> datetime.datetime | None:
        return self.newest

    def get_latest_lastmod(self) -> datetime.datetime | None:
        return self.newest


class PostSitemap(SiteSitemap):
    def items(self) -> QuerySet[Post]:
        return (
            Post.objects.published()
            .filter(seo_noindex=False)  # hidden from search engines: not offered to them
            .annotate(lastmod=Greatest("changed_at", "published_at"))
            .only(
                "slug",
                "changed_at",
                "published_at",
                "featured_image",
                "featured_image_width",  # read by ImageField whenever a post is loaded
                "featured_image_height",
            )
            .order_by("-published_at", "-pk")
        )

    def images(self, post: Post) -> list[dict]:
        if not post.featured_image:
            return []
        return [{"location": absolute_url(self.request, post.featured_image.url)}]


class PageSitemap(SiteSitemap):
    def items(self) -> QuerySet[Page]:
        return (
            Page.objects.published()
            .filter(seo_noindex=False)
            .annotate(lastmod=F("updated_at"))
            .only("slug", "updated_at")
            .order_by("title", "pk")
        )


class CategorySitemap(SiteSitemap):
    def items(self) -> QuerySet[Category]:
        return (
            Category.objects.annotate(
                own=_newest_post_change(categories=OuterRef("pk")),
                kids=_newest_post_change(categories__parent=OuterRef("pk")),
            )
            .filter(Q(own__isnull=False) | Q(kids__isnull=False))
            .annotate(lastmod=Greatest(Coalesce("own", "kids"), Coalesce("kids", "own")))
            .with_ancestors()
            .order_by("name", "pk")
        )


class TagSitemap(SiteSitemap):
    def items(self) -> QuerySet[Tag]:
        return (
            Tag.objects.annotate(lastmod=_newest_post_change(tags=OuterRef("pk")))
            .filter(lastmod__isnull=False)
            .order_by("name", "pk")
        )


class ProcedureSitemap(SiteSitemap):
    def items(self) -> QuerySet[Procedure]:
        return (
            Procedure.objects.annotate(newest=_newest_post_change(procedures=OuterRef("pk")))
            .annotate(lastmod=Greatest("updated_at", Coalesce("newest", "updated_at")))
            .only("slug", "updated_at")
            .order_by("name", "pk")
        )


SECTIONS: dict[str, type[SiteSitemap]] = {
    "pages": StaticSitemap,
    "posts": PostSitemap,
    "standing-pages": PageSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "procedures": ProcedureSitemap,
}

_XML = "application/xml; charset=utf-8"


def _sections(request: HttpRequest) -> dict[str, SiteSitemap]:
    return {name: cls(request) for name, cls in SECTIONS.items()}


def _urlset(request: HttpRequest, maps: list[SiteSitemap], page: int | str = 1) -> HttpResponse:
    urls = []
    try:
        for section in maps:
            urls.extend(section.get_urls(page=page))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such sitemap page.") from None
    return render(request, "discovery/sitemap.xml", {"urlset": urls}, content_type=_XML)


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    sections = _sections(request)
    total = sum(section.paginator.count for section in sections.values())
    if total <= settings.SITEMAP_SECTION_SIZE:
        return _urlset(request, list(sections.values()))
    entries = []
    for name, section in sections.items():
        location = absolute_url(request, reverse("discovery:sitemap_section", args=[name]))
        lastmod = section.get_latest_lastmod()
        for page in section.paginator.page_range:
            suffix = f"?p={page}" if page > 1 else ""
            entries.append({"location": location + suffix, "lastmod": lastmod})
    return render(request, "discovery/sitemap_index.xml", {"sitemaps": entries}, content_type=_XML)


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    sections = _sections(request)
    if section not in sections:
        raise Http404("No such sitemap section.")
    return _urlset(request, [sections[section]], request.GET.get("p", 1))


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers stay out of the admin, previews and search results; the sitemap is named."""
    lines = [
        "User-agent: *",
        # A moved admin (ADMIN_URL) is not named here: that would give its address away.
        *(["Disallow: /admin/"] if settings.ADMIN_URL == "admin/" else []),
        "Disallow: /ckeditor5/",
        "Disallow: /preview/",
        "Disallow: /search/",
        "Disallow: /?s=",
        "Disallow: /*?s=",
        "Disallow: /*&s=",
        "",
        f"Sitemap: {absolute_url(request, reverse('discovery:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
