"""Comment feeds, as WordPress serves them: the newest approved comments of the whole site
(`/comments/feed/`) and of one post (`/<slug>/feed/`), RSS 2.0.

Only approved comments on live posts appear, with the commenter's name and never an email or
an address (the email rule); the comment text is rendered as on the post page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponseBase, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

from articles.links import absolute_url
from articles.models import Post

from .markup import render_body
from .models import Comment


@dataclass
class Subject:
    request: HttpRequest
    post: Post | None


class SiteCommentsFeed(Feed):
    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args, **kwargs) -> Subject:
        return Subject(request, None)

    def title(self, subject: Subject) -> str:
        return f"Comments for {settings.SITE_NAME}"

    def link(self, subject: Subject) -> str:
        return absolute_url(subject.request, reverse("articles:home"))

    def feed_url(self, subject: Subject) -> str:
        return absolute_url(subject.request, subject.request.path)

    def description(self, subject: Subject) -> str:
        return f"The newest comments on {settings.SITE_NAME}."

    def items(self, subject: Subject) -> list[Comment]:
        comments = (
            Comment.objects.approved()
            .filter(post__in=Post.objects.published())
            .select_related("post")
            .only("pk", "author_name", "body", "created_at", "post__title", "post__slug")
            .order_by("-created_at", "-pk")
        )
        if subject.post is not None:
            comments = comments.filter(post=subject.post)
        comments = list(comments[: settings.FEEDS_ITEMS])
        for comment in comments:
            comment.feed_link = absolute_url(subject.request, comment.get_absolute_url())
        return comments

    def item_title(self, comment: Comment) -> str:
        return f"By: {comment.author_name}"

    def item_link(self, comment: Comment) -> str:
        return comment.feed_link

    def item_guid(self, comment: Comment) -> str:
        return comment.feed_link

    def item_description(self, comment: Comment) -> str:
        return str(render_body(comment.body))

    def item_author_name(self, comment: Comment) -> str:
        return comment.author_name

    def item_pubdate(self, comment: Comment):
        return comment.created_at


class PostCommentsFeed(SiteCommentsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Subject:
        return Subject(request, get_object_or_404(Post.objects.published(), slug=slug))

    def title(self, subject: Subject) -> str:
        return f"Comments on: {subject.post.title}"

    def link(self, subject: Subject) -> str:
        return absolute_url(subject.request, subject.post.get_absolute_url())

    def description(self, subject: Subject) -> str:
        return f"Comments on “{subject.post.title}” — {settings.SITE_NAME}."


def post_feed(request: HttpRequest, post: Post) -> tuple[str, str] | None:
    """The `<link rel=alternate>` a live post's page carries to its comment feed."""
    if not post.is_live:
        return None
    url = reverse("post_comments_feed", kwargs={"slug": post.slug})
    return f"Comments on: {post.title}", absolute_url(request, url)
