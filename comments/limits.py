"""How much an anonymous visitor may send to the comment endpoint.

The form is a few short fields, so a body larger than COMMENTS_MAX_REQUEST_BYTES is refused
from its Content-Length before any of it is read, and a file part in a multipart body stops
the parsing at once: nothing is spooled to memory or disk."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest

TOO_LARGE = (
    "Your comment was not sent: the form you sent is too large. "
    "Please shorten it and send it again."
)
NO_FILES = "Your comment was not sent: Files cannot be sent with a comment."


class FileRefused(Exception):
    """A multipart body carried a file."""


class RefuseFiles(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        raise FileRefused

    def receive_data_chunk(self, raw_data, start):  # pragma: no cover - never reached
        raise FileRefused

    def file_complete(self, file_size):  # pragma: no cover - never reached
        return None


def declared_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def too_large(request: HttpRequest) -> bool:
    return declared_length(request) > settings.COMMENTS_MAX_REQUEST_BYTES


def guard_uploads(request: HttpRequest) -> None:
    """Replace the upload handlers of this request: a file part raises FileRefused."""
    request.upload_handlers = [RefuseFiles(request)]
