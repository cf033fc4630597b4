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

from .models import Redirect, RedirectStatus, is_external


class RedirectFallbackMiddleware:
    """On a 404, answer 301 or 410 from the Redirect table."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return redirect_response(request) or response


def redirect_response(request: HttpRequest) -> HttpResponseBase | None:
    """The 301 or 410 the Redirect table holds for this request's address, if any.

    The address is tried with its query string first (a redirect may be for `/?page_id=2`),
    then without, then with a trailing slash added.
    """
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
