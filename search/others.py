"""Procedures and standing pages in the search results, ranked in one list with the posts.

Both are few (a site has tens of procedures and a handful of pages), so each is one query that
keeps the rows holding every wanted term (any term of a group, in any of their text fields, case
aside) and none of the unwanted ones, ranked here: a query that is exactly a procedure's name or
one of its aliases puts that procedure first, then matches in the name (or title) count most,
then aliases and summary, then the rest. Drafts of pages never match
(`Page.objects.published()`); procedures are always public.

`rank_together` puts them among the posts of the first page: the posts keep the order the
full-text engine gave them, and a procedure or page goes before the first post that scores
lower on the same scale (the words of the query in the post's title count 10, in its excerpt
3, a match in the body 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db.models import Model, Q, QuerySet

from articles.markup import plain_text
from articles.models import Page, Procedure

from .engine import Hit
from .query import SearchQuery

LIMIT = 5
PROCEDURE_FIELDS = {"name": 10, "aliases": 8, "summary": 3, "treats": 2, "downtime": 1,
                    "skin_types": 1, "setting": 1, "body": 1}  # fmt: skip
PAGE_FIELDS = {"title": 10, "body": 1}
POST_FIELDS = {"title": 10, "excerpt": 3}
BODY_MATCH = 1  # every post the engine found matched at least in its body


@dataclass
class Match:
    kind: str  # "Procedure", "Page" or "Article"
    title: str
    url: str
    summary: str
    score: float
    hit: Hit | None = None  # a post's search hit (its snippet and the post)


def _matching(queryset: QuerySet, fields: dict[str, int], query: SearchQuery) -> QuerySet:
    def anywhere(term: str) -> Q:
        return reduce(or_, (Q(**{f"{name}__icontains": term}) for name in fields))

    wanted = [reduce(or_, (anywhere(term) for term in group)) for group in query.groups]
    found = queryset.filter(reduce(and_, wanted)) if wanted else queryset.none()
    for term in query.excluded:
        found = found.exclude(anywhere(term))
    return found


def _score(obj: Model, fields: dict[str, int], query: SearchQuery) -> float:
    texts = {name: str(getattr(obj, name) or "").lower() for name in fields}
    return sum(
        weight
        for group in query.groups
        for term in group
        for name, weight in fields.items()
        if term.lower() in texts[name]
    )


def _exact(procedure: Procedure, query: SearchQuery) -> bool:
    text = " ".join(query.text.lower().replace('"', " ").split())
    names = [procedure.name, *procedure.alias_list]
    return any(" ".join(name.lower().split()) == text for name in names)


def search_others(query: SearchQuery) -> list[Match]:
    """The best procedures and pages for the query, best first (two queries, whatever the
    number of matches)."""
    matches = []
    for procedure in _matching(Procedure.objects.all(), PROCEDURE_FIELDS, query):
        score = _score(procedure, PROCEDURE_FIELDS, query) + (1000 if _exact(procedure, query)
                                                              else 0)  # fmt: skip
        matches.append(Match("Procedure", procedure.name, procedure.get_absolute_url(),
                             procedure.summary, score))  # fmt: skip
    for page in _matching(Page.objects.published(), PAGE_FIELDS, query):
        matches.append(Match("Page", page.title, page.get_absolute_url(),
                             page.seo_description or plain_text(page.body)[:200],
                             _score(page, PAGE_FIELDS, query)))  # fmt: skip
    matches.sort(key=lambda m: (-m.score, m.title))
    return matches[:LIMIT]


def rank_together(hits: list[Hit], others: list[Match], query: SearchQuery) -> list[Match]:
    """The posts of a page of results and the procedures and pages, in one ranked list."""
    posts = [
        Match("Article", hit.post.title, hit.post.get_absolute_url(), "",
              _score(hit.post, POST_FIELDS, query) + BODY_MATCH, hit)
        for hit in hits
    ]  # fmt: skip
    merged: list[Match] = []
    waiting = list(others)
    for post in posts:
        while waiting and waiting[0].score > post.score:
            merged.append(waiting.pop(0))
        merged.append(post)
    return merged + waiting
