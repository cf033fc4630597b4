"""The search page: `/search/?q=…`, and WordPress's `/?s=…` handed over by the home view."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.models import Category, Post, Procedure

from . import query as search_query
from .engine import search as run_search

SUGGESTIONS = 8


def _suggestions() -> dict[str, list]:
    """Categories and procedures with published posts, the busiest first."""
    published = Q(posts__in=Post.objects.published())
    categories = (
        Category.objects.annotate(post_count=Count("posts", filter=published))
        .filter(post_count__gt=0)
        .select_related("parent__parent__parent")
        .order_by("-post_count", "name")[:SUGGESTIONS]
    )
    procedures = (
        Procedure.objects.annotate(post_count=Count("posts", filter=published))
        .filter(post_count__gt=0)
        .order_by("-post_count", "name")[:SUGGESTIONS]
    )
    return {"suggested_categories": list(categories), "suggested_procedures": list(procedures)}


@require_safe
def search(request: HttpRequest, page: int = 1) -> HttpResponse:
    raw = request.GET.get("q", request.GET.get("s", ""))
    context: dict = {
        "breadcrumbs": [("Search", "")],
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
        paginator = Paginator(run_search(parsed), settings.POSTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page", page))
        context.update(page_obj=page_obj, hits=page_obj.object_list, count=paginator.count)
        if not paginator.count:
            context.update(_suggestions())
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
