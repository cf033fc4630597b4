"""WordPress's own addresses keep working after the move: `/?p=`, `/?page_id=`, `/?s=`…

Old permalinks (`/2019/05/a-post/`) need nothing here: the importer saved them as redirects,
which the redirects app serves wherever the site has nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase, HttpResponsePermanentRedirect

from redirects.middleware import redirect_response
from search.views import search

from .models import LegacyPostId

WORDPRESS_QUERY_KEYS = frozenset({"p", "page_id", "cat", "tag", "author", "m", "attachment_id"})
HOME_VIEWS = frozenset({"articles:home", "articles:home_page"})


class WordPressAddressMiddleware:
    """Answer WordPress's query-string addresses as WordPress would have.

    `/?p=<id>`, `/?page_id=<id>`, `/?cat=<id>`… are the home page's address, which exists, so
    they are looked up before the view: first `p` in LegacyPostId, then the whole path with its
    query in the Redirect table; when neither knows it, the home page is shown, as WordPress
    shows for a bad id. `/?s=…` (and `/page/2/?s=…`) is WordPress's search address: the home
    view's address answers with the search results page. Other requests pay one set check.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path == "/" and not WORDPRESS_QUERY_KEYS.isdisjoint(request.GET):
            found = _legacy_post(request.GET.get("p", "")) or redirect_response(request)
            if found is not None:
                return found
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> HttpResponseBase | None:
        if "s" in request.GET and request.resolver_match.view_name in HOME_VIEWS:
            return search(request, *view_args, **view_kwargs)
        return None


def _legacy_post(raw_id: str) -> HttpResponseBase | None:
    if not raw_id.isdigit() or len(raw_id) > 18:
        return None
    legacy = (
        LegacyPostId.objects.filter(wp_id=int(raw_id))
        .select_related("post")
        .only("post__slug", "post__published_at")
        .first()
    )
    if legacy is None or not legacy.post.is_live:
        return None
    return HttpResponsePermanentRedirect(legacy.post.get_absolute_url())
