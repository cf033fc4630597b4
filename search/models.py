from django.contrib.postgres.search import SearchVectorField
from django.db import models

from articles.models import Post


class PostText(models.Model):
    """The searchable text of one post, kept current by `search.signals`.

    The database indexes it by itself: on PostgreSQL a trigger fills `head` (the weighted
    tsvector of everything but the body) and `document` (`head` and the body, with a GIN
    index; migrations 0001 and 0002); on SQLite triggers keep the FTS5 table
    `search_posttext_fts` in step (migration 0001; `head` and `document` stay empty there).
    On SQLite, a migration that alters this table rebuilds it and so drops those triggers:
    recreate them in the same migration.
    """

    post = models.OneToOneField(
        Post, on_delete=models.CASCADE, primary_key=True, related_name="search_text"
    )
    title = models.TextField(blank=True)
    procedures = models.TextField(blank=True, help_text="Procedure names and their aliases.")
    topics = models.TextField(blank=True, help_text="Category and tag names.")
    excerpt = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="The body as plain text.")
    head = SearchVectorField(null=True, editable=False)
    document = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "post search text"

    def __str__(self) -> str:
        return self.title
