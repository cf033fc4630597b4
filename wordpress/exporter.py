"""Writing the site as a WordPress export (WXR 1.2), so owners can always move back.

Posts, pages, categories (parents first), tags, the authors of posts, featured images as
attachments, and approved and pending comments. Bodies are
wrapped in a Custom HTML block (`<!-- wp:html -->`), which WordPress's editor shows as it is and
which our importer reads back without re-paragraphing. Ids are unique across the file, as
WordPress expects: posts keep their primary key, pages and attachments follow them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Prefetch
from django.utils import timezone

from articles.models import Category, Page, Post, Procedure, Tag
from comments.models import Comment

from . import own_data, records
from .mapping import EXPORTED_COMMENT_STATUS, wordpress_status

# Characters XML 1.0 cannot carry at all; they are dropped rather than breaking the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ZERO = "0000-00-00 00:00:00"


def _text(value: object) -> str:
    return escape(_NOT_XML.sub("", str(value)))


def _cdata(value: str) -> str:
    value = _NOT_XML.sub("", value or "")
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _local(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else _ZERO


def _gmt(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") if moment else _ZERO


def export_comments(post_ids: list[int]) -> dict[int, list[records.Comment]]:
    """Approved and pending comments of some posts, oldest first, with their threads."""
    found: dict[int, list[records.Comment]] = {pk: [] for pk in post_ids}
    rows = Comment.objects.filter(
        post_id__in=post_ids, status__in=list(EXPORTED_COMMENT_STATUS)
    ).order_by("created_at", "pk")
    for c in rows:
        found[c.post_id].append(
            records.Comment(
                id=c.pk,
                author=c.author_name,
                author_email=c.author_email,
                author_url=c.author_url,
                author_ip=c.ip_address or "",
                date=_local(c.created_at),
                date_gmt=_gmt(c.created_at),
                content=c.body,
                approved=EXPORTED_COMMENT_STATUS[c.status],
                parent=c.parent_id or 0,
                user_id=c.user_id if c.is_by_staff and c.user_id else 0,
            )
        )
    return found


class Exporter:
    def __init__(self, out: TextIO, site_url: str) -> None:
        self.out = out
        self.site_url = site_url.rstrip("/")
        self.counts = {"authors": 0, "categories": 0, "tags": 0, "posts": 0, "pages": 0,
                       "comments": 0, "attachments": 0}  # fmt: skip

    def write(self) -> dict[str, int]:
        w = self.out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n')
        w("<!-- A WordPress eXtended RSS file (WXR 1.2): Tools → Import → WordPress. -->\n")
        w('<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
          '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
          '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
          '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
          '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>\n')  # fmt: skip
        self._element("title", settings.SITE_NAME, 1)
        self._element("link", self.site_url, 1)
        self._element("description", settings.SITE_TAGLINE, 1)
        self._element("pubDate", format_datetime(timezone.now()), 1)
        self._element("language", settings.LANGUAGE_CODE, 1)
        self._element("wp:wxr_version", "1.2", 1)
        self._element("wp:base_site_url", self.site_url, 1)
        self._element("wp:base_blog_url", self.site_url, 1)
        self._authors()
        self._categories()
        self._tags()
        post_max = Post.objects.aggregate(m=Max("pk"))["m"] or 0
        page_max = Page.objects.aggregate(m=Max("pk"))["m"] or 0
        self.page_offset = post_max
        self.attachment_offset = post_max + page_max
        # Procedures, reviewers and redirects before the posts that refer to them.
        own_data.write_items(self, self.attachment_offset + post_max)
        batch: list[Post] = []
        for post in self._posts():
            batch.append(post)
            if len(batch) == 500:
                self._post_batch(batch)
                batch = []
        self._post_batch(batch)
        for page in Page.objects.order_by("pk").iterator(chunk_size=500):
            self._page(page)
        w("</channel>\n</rss>\n")
        return self.counts

    def _element(self, name: str, value: object, depth: int, cdata: bool = False) -> None:
        body = _cdata(str(value)) if cdata else _text(value)
        self.out.write(f"{chr(9) * depth}<{name}>{body}</{name}>\n")

    def _authors(self) -> None:
        for user in get_user_model().objects.filter(posts__isnull=False).distinct().order_by("pk"):
            self.out.write("\t<wp:author>\n")
            self._element("wp:author_id", user.pk, 2)
            self._element("wp:author_login", user.get_username(), 2, cdata=True)
            self._element("wp:author_email", user.email, 2, cdata=True)
            self._element("wp:author_display_name", user.get_full_name() or user.username, 2, True)
            self._element("wp:author_first_name", user.first_name, 2, cdata=True)
            self._element("wp:author_last_name", user.last_name, 2, cdata=True)
            self.out.write("\t</wp:author>\n")
            self.counts["authors"] += 1

    def _categories(self) -> None:
        categories = list(Category.objects.select_related("parent"))
        by_depth = sorted(categories, key=lambda c: (len(c.ancestors()), c.pk))
        for category in by_depth:
            self.out.write("\t<wp:category>\n")
            self._element("wp:term_id", category.pk, 2)
            self._element("wp:category_nicename", category.slug, 2, cdata=True)
            parent = category.parent.slug if category.parent else ""
            self._element("wp:category_parent", parent, 2, cdata=True)
            self._element("wp:cat_name", category.name, 2, cdata=True)
            self._element("wp:category_description", category.description, 2, cdata=True)
            self.out.write("\t</wp:category>\n")
            self.counts["categories"] += 1

    def _tags(self) -> None:
        self.tag_offset = Category.objects.aggregate(m=Max("pk"))["m"] or 0
        for tag in Tag.objects.order_by("pk"):
            self.out.write("\t<wp:tag>\n")
            self._element("wp:term_id", self.tag_offset + tag.pk, 2)
            self._element("wp:tag_slug", tag.slug, 2, cdata=True)
            self._element("wp:tag_name", tag.name, 2, cdata=True)
            self.out.write("\t</wp:tag>\n")
            self.counts["tags"] += 1

    def _posts(self) -> Iterator[Post]:
        queryset = (
            Post.objects.select_related("author", "primary_category", "reviewed_by")
            .prefetch_related(
                Prefetch("categories", queryset=Category.objects.order_by("pk")),
                Prefetch("tags", queryset=Tag.objects.order_by("pk")),
                Prefetch("procedures", queryset=Procedure.objects.order_by("pk")),
                "references",
            )
            .order_by("pk")
        )
        yield from queryset.iterator(chunk_size=500)

    def _item_head(self, wp_id: int, title: str, url: str, author: str, body: str,
                   excerpt: str, moment: datetime | None) -> None:  # fmt: skip
        self.out.write("\t<item>\n")
        self._element("title", title, 2)
        self._element("link", url, 2)
        self._element("pubDate", format_datetime(moment or timezone.now()), 2)
        self._element("dc:creator", author, 2, cdata=True)
        self.out.write(f'\t\t<guid isPermaLink="false">{_text(self.site_url)}/?p={wp_id}</guid>\n')
        self._element("description", "", 2)
        content = f"<!-- wp:html -->\n{body}\n<!-- /wp:html -->" if body else ""
        self._element("content:encoded", content, 2, cdata=True)
        self._element("excerpt:encoded", excerpt, 2, cdata=True)
        self._element("wp:post_id", wp_id, 2)
        self._element("wp:post_date", _local(moment), 2, cdata=True)
        self._element("wp:post_date_gmt", _gmt(moment), 2, cdata=True)

    def _item_tail(self, post_type: str, slug: str, moment: datetime | None, comments_open: bool,
                   sticky: bool = False, parent: int = 0,
                   trashed_at: datetime | None = None) -> None:  # fmt: skip
        self._element("wp:comment_status", "open" if comments_open else "closed", 2, cdata=True)
        self._element("wp:ping_status", "closed", 2, cdata=True)
        self._element("wp:post_name", slug, 2, cdata=True)
        status = "inherit" if post_type == "attachment" else wordpress_status(moment)
        self._element("wp:status", "trash" if trashed_at else status, 2, cdata=True)
        self._element("wp:post_parent", parent, 2)
        self._element("wp:menu_order", 0, 2)
        self._element("wp:post_type", post_type, 2, cdata=True)
        self._element("wp:post_password", "", 2, cdata=True)
        self._element("wp:is_sticky", 1 if sticky else 0, 2)
        if trashed_at:  # as WordPress records a trashed item: the status it had, and when
            self._meta("_wp_trash_meta_status", status)
            self._meta("_wp_trash_meta_time", int(trashed_at.timestamp()))

    def _meta(self, key: str, value: object) -> None:
        self.out.write(
            f"\t\t<wp:postmeta><wp:meta_key>{_cdata(key)}</wp:meta_key>"
            f"<wp:meta_value>{_cdata(str(value))}</wp:meta_value></wp:postmeta>\n"
        )

    def _own_meta(self, meta: dict[str, object]) -> None:
        for key, value in meta.items():
            self._meta(own_data.PREFIX + key, own_data.meta_value(value))

    def own_item(self, wp_id: int, post_type: str, title: str, slug: str, body: str,
                 excerpt: str, meta: dict[str, object]) -> None:  # fmt: skip
        """An item of one of our own post types (see `own_data`)."""
        self._item_head(wp_id, title, f"{self.site_url}/?p={wp_id}", "", body, excerpt, None)
        self._item_tail(post_type, slug, timezone.now(), False)
        self._own_meta(meta)
        self.out.write("\t</item>\n")
        self.counts[post_type.removeprefix("cosmediclist_") + "s"] = (
            self.counts.get(post_type.removeprefix("cosmediclist_") + "s", 0) + 1
        )

    def _post_batch(self, posts: list[Post]) -> None:
        comments = export_comments([p.pk for p in posts]) if posts else {}
        for post in posts:
            self._post(post, comments[post.pk])

    def _post(self, post: Post, comments: list[records.Comment]) -> None:
        url = self.site_url + post.get_absolute_url()
        attachment_id = self.attachment_offset + post.pk if post.featured_image else None
        if attachment_id:
            self._attachment(post, attachment_id)
        self._item_head(post.pk, post.title, url, post.author.get_username(), post.body,
                        post.excerpt, post.published_at)  # fmt: skip
        self._item_tail("post", post.slug, post.published_at, post.comments_open, post.is_featured,
                        trashed_at=post.trashed_at)  # fmt: skip
        for category in post.categories.all():
            self.out.write(
                f'\t\t<category domain="category" nicename={quoteattr(category.slug)}>'
                f"{_cdata(category.name)}</category>\n"
            )
        for tag in post.tags.all():
            self.out.write(
                f'\t\t<category domain="post_tag" nicename={quoteattr(tag.slug)}>'
                f"{_cdata(tag.name)}</category>\n"
            )
        if attachment_id:
            self._meta("_thumbnail_id", attachment_id)
        self._own_meta(own_data.post_meta(post))
        for comment in comments:
            self._comment(comment)
        self.out.write("\t</item>\n")
        self.counts["posts"] += 1

    def _attachment(self, post: Post, wp_id: int) -> None:
        name = post.featured_image.name
        url = self.site_url + post.featured_image.url
        self._item_head(wp_id, post.featured_image_alt or post.title, url,
                        post.author.get_username(), "", "", post.published_at)  # fmt: skip
        self._item_tail("attachment", f"{post.slug}-image", post.published_at, False,
                        parent=post.pk)  # fmt: skip
        self._element("wp:attachment_url", url, 2, cdata=True)
        self._meta("_wp_attached_file", name)
        self._meta("_wp_attachment_image_alt", post.featured_image_alt)
        self.out.write("\t</item>\n")
        self.counts["attachments"] += 1

    def _page(self, page: Page) -> None:
        wp_id = self.page_offset + page.pk
        url = self.site_url + page.get_absolute_url()
        self._item_head(wp_id, page.title, url, "", page.body, "", page.published_at)
        self._item_tail("page", page.slug, page.published_at, False, trashed_at=page.trashed_at)
        self._own_meta(own_data.page_meta(page))
        self.out.write("\t</item>\n")
        self.counts["pages"] += 1

    def _comment(self, comment: records.Comment) -> None:
        self.out.write("\t\t<wp:comment>\n")
        for name, value, cdata in (
            ("comment_id", comment.id, False),
            ("comment_author", comment.author, True),
            ("comment_author_email", comment.author_email, True),
            ("comment_author_url", comment.author_url, True),
            ("comment_author_IP", comment.author_ip, True),
            ("comment_date", comment.date, True),
            ("comment_date_gmt", comment.date_gmt, True),
            ("comment_content", comment.content, True),
            ("comment_approved", comment.approved, True),
            ("comment_type", "comment", True),
            ("comment_parent", comment.parent, False),
            ("comment_user_id", comment.user_id, False),
        ):
            self._element(f"wp:{name}", value, 3, cdata=cdata)
        self.out.write("\t\t</wp:comment>\n")
        self.counts["comments"] += 1
