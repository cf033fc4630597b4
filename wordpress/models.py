"""What the site remembers of a WordPress import: where each object came from, and the
WordPress ids of posts so that `/?p=<id>` links still land on the right post."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class WordPressType(models.TextChoices):
    AUTHOR = "author", "Author"
    CATEGORY = "category", "Category"
    TAG = "tag", "Tag"
    POST = "post", "Post"
    PAGE = "page", "Page"
    COMMENT = "comment", "Comment"
    FILE = "file", "Media file"


class WordPressItem(models.Model):
    """Where an imported object came from, so that importing again updates instead of copying.

    Keyed by the source site (the export's base URL) and the WordPress id of the thing (for media
    files: their path under wp-content/uploads). `digest` fingerprints what was imported: when a
    new export carries the same digest, the object is left as it is (local edits survive).

    `object_id` is the primary key of the object made from it, in the table `wp_type` names: a
    user, category, tag, post, page or comment; for a file there is none and `stored_name` is its
    name in storage. It is deliberately not a foreign key (nor six nullable ones, nor a generic
    relation): the record outlives its object. When staff delete an imported post, the record
    stays and still says "WordPress post 42 was imported, with this digest"; the next import
    finds no object behind the id and makes it again, which is what re-importing promises. A
    foreign key would either block the deletion (PROTECT), take the record with it (CASCADE,
    and the post would come back as a duplicate with a new record), or need a SET NULL index on
    six tables for a table only the importer reads, in one query per run.
    """

    source_site = models.CharField(max_length=200)
    wp_type = models.CharField(max_length=10, choices=WordPressType)
    wp_id = models.CharField("WordPress id", max_length=255)
    object_id = models.BigIntegerField(null=True, blank=True)
    stored_name = models.CharField(max_length=255, blank=True)
    digest = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "WordPress import record"
        constraints = [
            models.UniqueConstraint(
                fields=["source_site", "wp_type", "wp_id"], name="wordpress_item_unique_source"
            ),
            models.CheckConstraint(
                condition=Q(wp_type__in=WordPressType.values), name="wordpress_item_type_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_site} {self.wp_type} {self.wp_id}"


class LegacyPostId(models.Model):
    """The WordPress id of an imported post: `/?p=<wp_id>` answers 301 to the post.

    The importer fills this table, with the item's `<guid>`; the guid is also copied to
    `Post.guid`, which feeds use as the item's id so that readers do not see imported posts
    again as new ones.
    """

    post = models.ForeignKey("articles.Post", on_delete=models.CASCADE, related_name="legacy_ids")
    wp_id = models.PositiveBigIntegerField("WordPress post id", unique=True)
    source_site = models.URLField(blank=True, help_text="The WordPress site it came from.")
    guid = models.CharField(
        "WordPress GUID", max_length=500, blank=True, help_text="Kept as the feed item's id."
    )

    class Meta:
        verbose_name = "WordPress post id"
        ordering = ["wp_id"]

    def __str__(self) -> str:
        return f"?p={self.wp_id}"
