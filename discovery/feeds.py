"""RSS 2.0 and Atom feeds. Every feed starts from `Post.objects.published()`.

Items carry the author's name only (never an email), a GUID that survives edits and slug
changes, the summary, and the full sanitised article when FEEDS_FULL_CONTENT is on. Feeds
answer conditional requests from one aggregate query (see `conditional.py`).
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape

from articles import conditional
from articles.authors import public_name
from articles.links import absolute_url
from articles.models import Category, Post, PostQuerySet, Procedure, Tag
from articles.views import _category_from_path

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


class FullContentRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the article body in `content:encoded`."""

    def rss_attributes(self) -> dict:
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS}

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class FullContentAtomFeed(Atom1Feed):
    """Atom with the article body in `<content type="html">`."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


@dataclass
class FeedSubject:
    """What a feed is about, with the request it answers (Feed objects are shared)."""

    request: HttpRequest
    posts: PostQuerySet
    title: str
    link: str
    description: str


_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


def _absolute_links(html: str, request: HttpRequest) -> str:
    """Feed readers show content away from the site: make site-relative links absolute."""
    return _RELATIVE_URL.sub(lambda m: f'{m.group(1)}{absolute_url(request, m.group(2))}"', html)


def _host(request: HttpRequest) -> str:
    return urlsplit(absolute_url(request, "/")).hostname or "localhost"


class PostFeed(Feed):
    feed_type = FullContentRssFeed
    item_guid_is_permalink = False

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        subject = self.get_object(request, *args, **kwargs)
        validators = conditional.listing_validators(subject.posts, self.feed_type.__name__)
        if response := conditional.not_modified(request, validators):
            return response
        feed = self.get_feed(subject, request)
        response = HttpResponse(content_type=feed.content_type)
        feed.write(response, "utf-8")
        return conditional.stamp(request, response, validators)

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FeedSubject:
        return FeedSubject(
            request=request,
            posts=Post.objects.published(),
            title=settings.SITE_NAME,
            link=reverse("articles:home"),
            description=settings.SITE_TAGLINE,
        )

    def title(self, subject: FeedSubject) -> str:
        return subject.title

    def link(self, subject: FeedSubject) -> str:
        return absolute_url(subject.request, subject.link)

    def feed_url(self, subject: FeedSubject) -> str:
        return absolute_url(subject.request, subject.request.path)

    def description(self, subject: FeedSubject) -> str:
        return subject.description

    subtitle = description

    def feed_guid(self, subject: FeedSubject) -> str:
        return absolute_url(subject.request, subject.request.path)

    def items(self, subject: FeedSubject) -> list[Post]:
        posts = list(
            subject.posts.newest_first()
            .select_related("author__author_profile")
            .prefetch_related(Prefetch("categories", queryset=Category.objects.only("name")))[
                : settings.FEEDS_ITEMS
            ]
        )
        host = _host(subject.request)
        for post in posts:
            # Item methods only receive the item: give it what they need from the request.
            post.feed_link = absolute_url(subject.request, post.get_absolute_url())
            post.feed_guid = self._guid(post, host)
            post.feed_content = (
                _absolute_links(post.body, subject.request) if settings.FEEDS_FULL_CONTENT else ""
            )
            post.feed_image = (
                absolute_url(subject.request, post.featured_image.url)
                if post.featured_image
                else ""
            )
        return posts

    @staticmethod
    def _guid(post: Post, host: str) -> str:
        """An id that never changes: the post's own (an imported post's GUID), else a tag URI."""
        return post.guid or f"tag:{host},{post.created_at:%Y-%m-%d}:post-{post.pk}"

    def item_title(self, post: Post) -> str:
        return post.title

    def item_link(self, post: Post) -> str:
        return post.feed_link

    def item_guid(self, post: Post) -> str:
        return post.feed_guid

    def item_description(self, post: Post) -> str:
        return escape(post.description)  # both formats carry HTML here

    def item_author_name(self, post: Post) -> str:
        return public_name(post.author)

    def item_pubdate(self, post: Post):
        return post.published_at

    def item_updateddate(self, post: Post):
        return max(post.updated_at, post.published_at)

    def item_categories(self, post: Post) -> list[str]:
        return [category.name for category in post.categories.all()]

    def item_enclosures(self, post: Post) -> list[Enclosure]:
        if not post.feed_image:
            return []
        try:
            length = post.featured_image.size
        except OSError:
            length = 0
        mime_type = mimetypes.guess_type(post.featured_image.name)[0] or "image/jpeg"
        return [Enclosure(post.feed_image, str(length), mime_type)]

    def item_extra_kwargs(self, post: Post) -> dict:
        return {"content": post.feed_content}


class PostAtomFeed(PostFeed):
    feed_type = FullContentAtomFeed


def _posts_of(request: HttpRequest, subject, posts, description: str) -> FeedSubject:
    """The feed of one category, tag or procedure: its posts, named after it."""
    return FeedSubject(
        request=request,
        posts=posts,
        title=f"{subject.name} — {settings.SITE_NAME}",
        link=subject.get_absolute_url(),
        description=description,
    )


class CategoryFeed(PostFeed):
    def get_object(self, request: HttpRequest, path: str) -> FeedSubject:
        category = _category_from_path(path)
        posts = Post.objects.published().in_category(category, with_children=True)
        return _posts_of(
            request, category, posts, category.description or f"Articles in {category.name}."
        )


class TagFeed(PostFeed):
    def get_object(self, request: HttpRequest, slug: str) -> FeedSubject:
        tag = get_object_or_404(Tag, slug=slug)
        posts = Post.objects.published().filter(tags=tag)
        return _posts_of(request, tag, posts, f"Articles tagged {tag.name}.")


class ProcedureFeed(PostFeed):
    def get_object(self, request: HttpRequest, slug: str) -> FeedSubject:
        procedure = get_object_or_404(Procedure, slug=slug)
        posts = Post.objects.published().filter(procedures=procedure)
        description = procedure.summary or f"Articles about {procedure.name}."
        return _posts_of(request, procedure, posts, description)
