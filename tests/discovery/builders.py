"""Builders for the discovery tests (feeds, sitemap, head, redirects)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Post
from tests.builders import image_bytes, make_post


def make_post_with_image(**fields) -> Post:
    fields.setdefault(
        "featured_image", SimpleUploadedFile("cover.png", image_bytes(size=(320, 168)))
    )
    fields.setdefault("featured_image_alt", "A calm abstract cover")
    return make_post(**fields)
