"""Ranked full-text search over published posts, on PostgreSQL or SQLite.

PostgreSQL: `websearch_to_tsquery('english', …)` against the stored, GIN-indexed, weighted
`PostText.document`, ranked with `ts_rank` (posts with any of the words in their title,
procedures, topics or excerpt come first), snippets from `ts_headline`.
SQLite: the FTS5 table `search_posttext_fts` (porter stemming), ranked with `bm25` weighted by
column, snippets from `snippet()`.

Drafts and scheduled posts never match: SQLite keeps to `Post.objects.published()`, and the
PostgreSQL ranking function (migration 0002) applies the same rule.
`SearchResults` can be handed to a Django `Paginator`: it counts and slices lazily.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import OperationalError, connection
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Post

from .query import MARK_START, MARK_STOP
from .query import SearchQuery as ParsedQuery

logger = logging.getLogger(__name__)

# Weight of a match in each column: title, procedures (names and aliases), topics, excerpt, body.
FTS5_WEIGHTS = (10.0, 5.0, 2.0, 2.0, 1.0)
SNIPPET_WORDS = 30

# PostgreSQL: `search_posttext_page` (migration 0002) ranks the published matches (those with any
# of the words in their title, procedures, topics or excerpt first, then those that match by
# their body alone), counts them, and gives one page of them; their snippets come along in the
# same round trip.
PG_HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords={SNIPPET_WORDS}, "
    f'MinWords={SNIPPET_WORDS // 2}, MaxFragments=2, FragmentDelimiter=" … "'
)
PG_RANKED = (
    "WITH query AS (SELECT websearch_to_tsquery('english', %(query)s) AS query), "
    "page AS (SELECT page.* FROM query, search_posttext_page(query.query, "
    "websearch_to_tsquery('english', %(any_word)s), websearch_to_tsquery('english', %(unwanted)s), "
    "%(now)s, %(limit)s, %(offset)s) AS page "
    "LIMIT %(limit)s) "  # tells the planner how few rows to expect
    "SELECT page.post_id, page.score, page.total, "
    "ts_headline('english', text.body, query.query, %(options)s) "
    "FROM query, page JOIN search_posttext AS text USING (post_id) "
    "ORDER BY page.score DESC, page.post_id DESC"
)

# SQLite: `{published}` is the SQL of `Post.objects.published()`, compiled by Django with its
# parameters. `+rowid` keeps SQLite from handing the IN list to FTS5 as one index lookup per
# published post (slow); the full-text match runs once and its rows are checked against the
# list. The window `count(*) OVER ()` gives the number of all matches along with one page of
# them; bm25 cannot sit next to a window function, hence the subquery.
SQLITE_RANKED = (
    "SELECT rowid, score, count(*) OVER () FROM ("
    "SELECT rowid, bm25(search_posttext_fts, {weights}) AS score FROM search_posttext_fts "
    "WHERE search_posttext_fts MATCH %s AND +rowid IN ({published})"
    ") ORDER BY score, rowid DESC LIMIT %s OFFSET %s"
)
SQLITE_SNIPPETS = (
    "SELECT rowid, snippet(search_posttext_fts, 4, %s, %s, '…', %s) "
    "FROM search_posttext_fts WHERE search_posttext_fts MATCH %s AND rowid IN ({ids})"
)


# A ranked post: its id, its score and, where the ranking query made it, its snippet.
type Ranked = tuple[int, float, str | None]


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
    """The published posts matching a query, best first.

    One query ranks the matches and counts them all (a window count), returning only the ids
    of the page asked for (on PostgreSQL with their snippets); then the posts are read.
    `count()` reads the window named by `expected` (the page the view is about to show), so a
    Paginator's count-then-slice costs no separate count.
    """

    def __init__(self, query: ParsedQuery, expected: tuple[int, int] = (0, 10)) -> None:
        self.query = query
        self.is_postgresql = connection.vendor == "postgresql"
        self._count: int | None = None
        self._ranked: dict[tuple[int, int], list[Ranked]] = {}
        self._expected = expected

    def count(self) -> int:
        if self._count is None:
            self._rank(*self._expected)
        if self._count is None:  # the expected window was past the end
            self._rank(0, 1)
        return self._count or 0

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Hit]:
        if not isinstance(window, slice):
            raise TypeError("Search results are read a page at a time.")
        start, stop = window.start or 0, window.stop
        if stop is None or stop <= start:
            return []
        ranked = self._rank(start, stop)
        if not ranked:
            return []
        ids = [pk for pk, _score, _snippet in ranked]
        if self.is_postgresql:
            snippets = {pk: snippet or "" for pk, _score, snippet in ranked}
        else:
            snippets = self._sqlite_snippets(ids)
        posts = Post.objects.filter(pk__in=ids).for_listing().in_bulk()
        return [
            Hit(posts[pk], highlight(snippets.get(pk, "")), score)
            for pk, score, _snippet in ranked
            if pk in posts
        ]

    def _rank(self, start: int, stop: int) -> list[Ranked]:
        """The window's posts, best first; remembers the total as a side effect."""
        for (first, last), ranked in self._ranked.items():
            if first == start and (last >= stop or len(ranked) < last - first):
                return ranked[: stop - start]  # e.g. a last page, shorter than expected
        if (start, stop) not in self._ranked:
            rows = (self._pg_rank if self.is_postgresql else self._sqlite_rank)(start, stop)
            if rows:
                self._count = rows[0][2]
            self._ranked[start, stop] = [(pk, score, text) for pk, score, _total, text in rows]
        return self._ranked[start, stop]

    # PostgreSQL

    def _pg_rank(self, start: int, stop: int) -> list[tuple[int, float, int, str]]:
        params = {
            "query": self.query.wanted_websearch(),
            "any_word": self.query.any_word_websearch(),
            "unwanted": self.query.unwanted_websearch() or None,
            "now": timezone.now(),
            "limit": stop - start,
            "offset": start,
            "options": PG_HEADLINE_OPTIONS,
        }
        with connection.cursor() as cursor:
            cursor.execute(PG_RANKED, params)
            return cursor.fetchall()

    # SQLite

    def _published_sql(self) -> tuple[str, tuple]:
        sql, params = Post.objects.published().order_by().values("pk").query.sql_with_params()
        return sql, tuple(params)

    def _sqlite_rows(self, sql: str, params: tuple) -> list[tuple]:
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        except OperationalError:
            # The query builder quotes every term, so this is not expected; a reader still
            # gets "no results" rather than an error page, and the log says why.
            logger.exception("SQLite full-text search failed")
            return []

    def _sqlite_rank(self, start: int, stop: int) -> list[tuple[int, float, int, None]]:
        published, params = self._published_sql()
        weights = ", ".join(str(weight) for weight in FTS5_WEIGHTS)
        sql = SQLITE_RANKED.format(published=published, weights=weights)
        rows = self._sqlite_rows(sql, (self.query.as_fts5(), *params, stop - start, start))
        return [(pk, -score, total, None) for pk, score, total in rows]

    def _sqlite_snippets(self, ids: list[int]) -> dict[int, str]:
        sql = SQLITE_SNIPPETS.format(ids=", ".join(["%s"] * len(ids)))
        params = (MARK_START, MARK_STOP, SNIPPET_WORDS, self.query.as_fts5(), *ids)
        return dict(self._sqlite_rows(sql, params))


def search(query: ParsedQuery, expected: tuple[int, int] = (0, 10)) -> SearchResults:
    return SearchResults(query, expected)
