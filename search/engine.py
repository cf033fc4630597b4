"""Ranked full-text search over published posts, on PostgreSQL or SQLite.

PostgreSQL: `websearch_to_tsquery('english', …)` against the stored, GIN-indexed, weighted
`PostText.document`, ranked with `ts_rank`, snippets from `ts_headline`.
SQLite: the FTS5 table `search_posttext_fts` (porter stemming), ranked with `bm25` weighted by
column, snippets from `snippet()`.

Both start from `Post.objects.published()`, so drafts and scheduled posts never match.
`SearchResults` can be handed to a Django `Paginator`: it counts and slices lazily.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import OperationalError, connection
from django.db.models import F
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Post

from .query import MARK_START, MARK_STOP
from .query import SearchQuery as ParsedQuery

# Weight of a match in each column: title, procedures (names and aliases), topics, excerpt, body.
FTS5_WEIGHTS = (10.0, 5.0, 2.0, 2.0, 1.0)
SNIPPET_WORDS = 30

# `{published}` is the SQL of `Post.objects.published()`, compiled by Django with parameters.
SQLITE_COUNT = (
    "SELECT count(*) FROM search_posttext_fts WHERE search_posttext_fts MATCH %s "
    "AND rowid IN ({published})"
)
SQLITE_RANKED = (
    "SELECT rowid, bm25(search_posttext_fts, {weights}) AS score "
    "FROM search_posttext_fts WHERE search_posttext_fts MATCH %s "
    "AND rowid IN ({published}) ORDER BY score, rowid DESC LIMIT %s OFFSET %s"
)
SQLITE_SNIPPETS = (
    "SELECT rowid, snippet(search_posttext_fts, 4, %s, %s, '…', %s) "
    "FROM search_posttext_fts WHERE search_posttext_fts MATCH %s AND rowid IN ({ids})"
)


@dataclass
class Hit:
    post: Post
    snippet: SafeString
    rank: float


def highlight(text: str) -> SafeString:
    """Escape a snippet, then turn the match markers into <mark> elements."""
    if text.count(MARK_START) != text.count(MARK_STOP):
        text = text.replace(MARK_START, "").replace(MARK_STOP, "")
    html = str(escape(text)).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)  # everything but our own markers is escaped


class SearchResults:
    """The published posts matching a query, best first."""

    def __init__(self, query: ParsedQuery) -> None:
        self.query = query
        self._count: int | None = None
        self.is_postgresql = connection.vendor == "postgresql"

    def count(self) -> int:
        if self._count is None:
            self._count = self._pg_count() if self.is_postgresql else self._sqlite_count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Hit]:
        if not isinstance(window, slice):
            raise TypeError("Search results are read a page at a time.")
        start, stop = window.start or 0, window.stop
        if stop is None or stop <= start:
            return []
        if self.is_postgresql:
            return self._pg_page(start, stop)
        return self._sqlite_page(start, stop)

    # PostgreSQL

    def _pg_query(self) -> SearchQuery:
        return SearchQuery(self.query.as_websearch(), search_type="websearch", config="english")

    def _pg_matches(self):
        return Post.objects.published().filter(search_text__document=self._pg_query())

    def _pg_count(self) -> int:
        return self._pg_matches().count()

    def _pg_page(self, start: int, stop: int) -> list[Hit]:
        query = self._pg_query()
        posts = (
            self._pg_matches()
            .for_listing()
            .annotate(
                rank=SearchRank(F("search_text__document"), query),
                headline=SearchHeadline(
                    "search_text__body",
                    query,
                    config="english",
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    max_words=SNIPPET_WORDS,
                    min_words=SNIPPET_WORDS // 2,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .order_by("-rank", "-published_at", "-pk")[start:stop]
        )
        return [Hit(post, highlight(post.headline), post.rank) for post in posts]

    # SQLite

    def _sqlite_published(self) -> tuple[str, tuple]:
        sql, params = Post.objects.published().values("pk").query.sql_with_params()
        return sql, tuple(params)

    def _sqlite_rows(self, sql: str, params: tuple) -> list[tuple]:
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        except OperationalError:
            # The query builder quotes every term, so this is not expected; a reader still
            # gets "no results" rather than an error page.
            return []

    def _sqlite_count(self) -> int:
        published, params = self._sqlite_published()
        sql = SQLITE_COUNT.format(published=published)
        rows = self._sqlite_rows(sql, (self.query.as_fts5(), *params))
        return rows[0][0] if rows else 0

    def _sqlite_page(self, start: int, stop: int) -> list[Hit]:
        published, params = self._sqlite_published()
        match = self.query.as_fts5()
        weights = ", ".join(str(weight) for weight in FTS5_WEIGHTS)
        sql = SQLITE_RANKED.format(published=published, weights=weights)
        ranked = self._sqlite_rows(sql, (match, *params, stop - start, start))
        if not ranked:
            return []
        ids = [row[0] for row in ranked]
        sql = SQLITE_SNIPPETS.format(ids=", ".join(["%s"] * len(ids)))
        snippets = dict(self._sqlite_rows(sql, (MARK_START, MARK_STOP, SNIPPET_WORDS, match, *ids)))
        posts = Post.objects.filter(pk__in=ids).for_listing().in_bulk()
        return [
            Hit(posts[pk], highlight(snippets.get(pk, "")), -score)
            for pk, score in ranked
            if pk in posts
        ]


def search(query: ParsedQuery) -> SearchResults:
    return SearchResults(query)
