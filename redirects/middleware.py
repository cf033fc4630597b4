"""Serve redirects only where the site has nothing: a hit never pays for a lookup."""

from __future__ import annotations

from collections.abc import Callable

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponsePermanentRedirect,
)
from django.template import loader

from articles import seo

from .models import LegacyPostId, Redirect, RedirectStatus, is_external

WORDPRESS_QUERY_KEYS = frozenset({"p", "page_id", "cat", "tag", "author", "m", "attachment_id"})


class RedirectFallbackMiddleware:
    """On a 404, answer 301 or 410 from the Redirect table; resolve WordPress `/?p=<id>`.

    WordPress's query-string addresses (`/?p=<id>`, `/?page_id=<id>`, `/?cat=<id>`…) are the
    home page's address, which exists, so they are looked up before the view: first `p` in
    LegacyPostId, then the whole path with its query in the Redirect table. Requests without
    those parameters pay one set check.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path == "/" and not WORDPRESS_QUERY_KEYS.isdisjoint(request.GET):
            found = self._legacy_post(request.GET.get("p", "")) or self._redirect_for(request)
            if found is not None:
                return found
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return self._redirect_for(request) or response

    def _legacy_post(self, raw_id: str) -> HttpResponseBase | None:
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

    def _redirect_for(self, request: HttpRequest) -> HttpResponseBase | None:
        full_path = request.get_full_path_info()
        candidates = [full_path] if "?" in full_path else []
        candidates.append(request.path)
        if not request.path.endswith("/"):
            candidates.append(request.path + "/")
        found = {
            r.old_path: r
            for r in Redirect.objects.filter(old_path__in=candidates).only(
                "old_path", "new_path", "status"
            )
        }
        redirect = next((found[c] for c in candidates if c in found), None)
        if redirect is None:
            return None
        if redirect.status == RedirectStatus.GONE:
            return HttpResponse(
                loader.render_to_string(
                    "redirects/gone.html",
                    {"noindex": True, "head": seo.basic_head(request, noindex=True)},
                    request,
                ),
                status=410,
            )
        target = redirect.new_path
        if not is_external(target):
            target = Redirect.objects.final_target(target, origin=redirect.old_path)
        if target is None or target in (request.path, full_path):
            return None  # a loop made by hand: better a 404 than a browser stuck in a loop
        query = request.META.get("QUERY_STRING", "")
        if query and redirect.old_path == request.path and "?" not in target:
            target = f"{target}?{query}"
        return HttpResponsePermanentRedirect(target)
