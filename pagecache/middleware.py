"""The shared page cache: anonymous GET/HEAD answered from Django's cache before sessions,
authentication, messages and the view run.

A stored entry is the status, the headers and the body in three encodings (plain, gzip and
Brotli, compressed once when stored). It is keyed by the generation (`state.generation`), the
host and the full path. Never stored nor served: other methods, requests carrying the session or
messages cookie (staff, someone with a pending message), personal parameters such as a
commenter's own held comment (`?unapproved=`), the admin, and any response that is not a plain
200, sets a cookie or says `private`/`no-store`. With the cache server down, every request is
handled as if there were no cache (state.py logs it once).
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable

import brotli
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe

from articles import extensions

from . import state

_UNSTORED_CONTROL = ("private", "no-store")
_SKIPPED_HEADERS = {"content-length", "content-encoding"}


def _wanted_encoding(request: HttpRequest) -> str:
    accepted = {
        part.split(";")[0].strip().lower()
        for part in request.headers.get("Accept-Encoding", "").split(",")
    }
    if "br" in accepted:
        return "br"
    if "gzip" in accepted:
        return "gzip"
    return ""


def _compressible(response: HttpResponseBase) -> bool:
    kind = response.headers.get("Content-Type", "")
    return kind.startswith(("text/", "application/xml", "application/rss", "application/atom"))


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self._public(request):
            return self.get_response(request)
        if self._bypassed(request):
            return self._fresh(request, store_as=None)
        try:
            key = self._key(request, state.generation())
            entry = state.cache().get(key)
            state.report_up()
        except Exception as error:  # any cache failure: serve uncached
            state.report_down(error)
            return self._fresh(request, store_as=None)
        if entry is None:
            # Only a GET's answer is stored: a HEAD's may come without its body.
            return self._fresh(request, store_as=key if request.method == "GET" else None)
        return self._answer(request, entry)

    def _fresh(self, request: HttpRequest, store_as: str | None) -> HttpResponseBase:
        """The view's answer, compressed when it may be stored, and stored under `store_as`."""
        response = self.get_response(request)
        # A stored entry gets every encoding, well compressed; a one-off answer only the one
        # this client takes, made quickly.
        wanted = ("gzip", "br") if store_as is not None else (_wanted_encoding(request),)
        entry = self._entry(response, wanted, brotli_quality=9 if store_as else 4)
        if entry is None:
            return response
        if store_as is not None:
            try:
                state.cache().set(store_as, entry, timeout=settings.PAGECACHE_SECONDS)
            except Exception as error:
                state.report_down(error)
        return self._answer(request, entry)

    def _bypassed(self, request: HttpRequest) -> bool:
        bypass = settings.PAGECACHE_BYPASS_TOKEN
        return bool(bypass) and request.headers.get("X-Page-Cache-Bypass") == bypass

    def _public(self, request: HttpRequest) -> bool:
        """An anonymous request for a public page: the same answer for everyone."""
        if request.method not in ("GET", "HEAD") or not settings.PAGECACHE_ENABLED:
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
            return False
        if not extensions.personal_parameters.isdisjoint(request.GET):
            return False
        return not request.path.startswith(settings.PAGECACHE_SKIPPED_PREFIXES)

    def _key(self, request: HttpRequest, generation: int) -> str:
        where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.blake2b(where.encode(), digest_size=16).hexdigest()
        return f"pagecache:{generation}:{digest}"

    def _entry(
        self, response: HttpResponseBase, encodings: tuple[str, ...], brotli_quality: int
    ) -> dict | None:
        control = response.headers.get("Cache-Control", "")
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or any(word in control for word in _UNSTORED_CONTROL)
            or response.headers.get("Content-Encoding")
        ):
            return None
        body = response.content
        bodies = {"": body}
        compressible = _compressible(response) and len(body) > 200
        if compressible:
            if "gzip" in encodings:
                bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
            if "br" in encodings:
                bodies["br"] = brotli.compress(body, quality=brotli_quality)
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _SKIPPED_HEADERS
        ]
        return {"headers": headers, "bodies": bodies, "compressible": compressible}

    def _answer(self, request: HttpRequest, entry: dict) -> HttpResponseBase:
        headers = dict(entry["headers"])
        modified = parse_http_date_safe(headers.get("Last-Modified", ""))
        conditional = get_conditional_response(
            request, etag=headers.get("ETag"), last_modified=modified
        )
        if conditional is not None and (headers.get("ETag") or modified):
            # As articles.conditional does: no fresh policy for the browser to merge.
            conditional._csp_config = {}
            conditional._csp_ro_config = {}
            for name in ("ETag", "Last-Modified", "Cache-Control", "Vary"):
                if name in headers:
                    conditional.headers[name] = headers[name]
            return conditional
        encoding = _wanted_encoding(request)
        if encoding not in entry["bodies"]:
            encoding = ""
        body = entry["bodies"][encoding]
        response = HttpResponse(b"" if request.method == "HEAD" else body)
        for name, value in entry["headers"]:
            response.headers[name] = value
        response.headers["Content-Length"] = str(len(body))
        if entry["compressible"]:
            patch_vary_headers(response, ("Accept-Encoding",))
        if encoding:
            response.headers["Content-Encoding"] = encoding
        return response
