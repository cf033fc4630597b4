"""Structured logs: one JSON object a line, each carrying the id of the request it belongs to.

`RequestLogMiddleware` (first in MIDDLEWARE) gives every request an id — the incoming
`X-Request-ID` when it is a safe token a proxy in front set, a new one otherwise —, sends it
back as the `X-Request-ID` header and writes one line per request (method, path, status,
duration). Any record logged while the request is handled, errors included, carries the same
id through `RequestIdFilter`, so a 500's traceback is found from the access line."""

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

request_id: ContextVar[str] = ContextVar("request_id", default="")

# Letters, digits and a few separators, at most 64: safe to echo in a header and a log line.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")

access_logger = logging.getLogger("cosmediclist.request")

# Attributes every LogRecord has; anything else was passed with `extra=` and is kept.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def incoming_id(request: HttpRequest) -> str:
    given = request.headers.get("X-Request-ID", "")
    if SAFE_REQUEST_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request.request_id = incoming_id(request)
        token = request_id.set(request.request_id)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            duration = round((time.perf_counter() - started) * 1000, 1)
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration,
                },
            )
            return response
        finally:
            request_id.reset(token)
