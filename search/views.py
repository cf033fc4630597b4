"""The search page: `/search/?q=…`, and WordPress's `/?s=…` handed over by the home view."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles import seo
from articles.models import Category, Post, Procedure

from . import query as search_query
from .engine import search as run_search
from .others import rank_together, search_others

SUGGESTIONS = 12
MAX_PAGE = 10_000


def _suggestions() -> dict[str, list]:
    """Categories and procedures that have published posts, in alphabetical order."""
    published = Post.objects.published().order_by()

    def with_posts(model: type[Category] | type[Procedure], through: type) -> list:
        linked = through.objects.filter(
            **{f"{model._meta.model_name}_id": OuterRef("pk")}, post__in=published
        )
        found = model.objects.filter(Exists(linked)).order_by("name")
        if model is Category:
            found = found.with_ancestors()  # for their addresses
        return list(found[:SUGGESTIONS])

    return {
        "suggested_categories": with_posts(Category, Post.categories.through),
        "suggested_procedures": with_posts(Procedure, Post.procedures.through),
    }


def _page_number(raw: str | int) -> int:
    """The page asked for, within sane bounds; nonsense means the first page."""
    try:
        return min(max(int(raw), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


@require_safe
def search(request: HttpRequest, page: int = 1) -> HttpResponse:
    raw = request.GET.get("q", request.GET.get("s", ""))
    context: dict = {
        "breadcrumbs": [("Search", "")],
        "noindex": True,
        "title": "Search",
        "search_query": search_query.clean_text(raw)[: search_query.MAX_LENGTH].strip(),
    }
    try:
        parsed = search_query.parse(raw)
    except search_query.QueryProblem as problem:
        context["problem"] = problem.reason
        if problem.reason != search_query.EMPTY:
            context.update(_suggestions())
    else:
        context["search_query"] = parsed.text
        context["title"] = f"Search results for “{parsed.text}”"
        per_page = settings.POSTS_PER_PAGE
        number = _page_number(request.GET.get("page", page))
        expected = ((number - 1) * per_page, number * per_page)
        paginator = Paginator(run_search(parsed, expected), per_page)
        page_obj = paginator.get_page(number)
        # Procedures and pages that match are ranked with the posts of the first page; later
        # pages are numbered after them.
        others = search_others(parsed)
        shown = others if page_obj.number == 1 else []
        hits = list(page_obj.object_list)
        context.update(
            page_obj=page_obj,
            hits=hits,
            results=rank_together(hits, shown, parsed),
            count=paginator.count + len(others),
            first_number=page_obj.start_index() + (len(others) if page_obj.number > 1 else 0),
        )
        if not context["count"]:
            context.update(_suggestions())
    context["head"] = seo.basic_head(
        request, context["title"], breadcrumbs=context["breadcrumbs"], noindex=True
    )
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
