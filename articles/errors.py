"""Friendly error pages. The 500 and 503 pages use no database and no request data."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader

from . import seo

# How long a client or crawler should wait before asking again while the database is away.
RETRY_AFTER_SECONDS = 30


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    crumbs = [("Page not found", "")]
    head = seo.basic_head(request, breadcrumbs=crumbs, noindex=True)
    body = loader.render_to_string(
        "404.html", {"breadcrumbs": crumbs, "noindex": True, "head": head}, request
    )
    return HttpResponseNotFound(body)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django calls this while it handles the exception, so `sys.exception()` is that error.

    A database that cannot be reached (restarting, failing over, out of connections) is a
    passing state, not a broken page: say so with 503 and Retry-After, which also tells search
    engines to come back rather than drop the page. The error is logged either way."""
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
