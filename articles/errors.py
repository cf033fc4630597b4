"""Friendly error pages. The 500 page uses no database and no request data."""

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    body = loader.render_to_string(
        "404.html", {"breadcrumbs": [("Page not found", "")], "noindex": True}, request
    )
    return HttpResponseNotFound(body)


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponseServerError(loader.get_template("500.html").render())
