"""Small builders for tests: each makes one object with sensible defaults."""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.utils import timezone
from PIL import Image

from articles.models import Category, Page, Post, Procedure, Reference, Reviewer, Tag

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def make_user(**fields):
    n = _n()
    fields.setdefault("username", f"author{n}")
    fields.setdefault("email", f"author{n}@example.com")
    fields.setdefault("first_name", "Avery")
    fields.setdefault("last_name", f"Writer{n}")
    return get_user_model().objects.create_user(password="a-long-password-123", **fields)


def make_category(**fields) -> Category:
    n = _n()
    fields.setdefault("name", f"Category {n}")
    fields.setdefault("slug", f"category-{n}")
    return Category.objects.create(**fields)


def make_tag(**fields) -> Tag:
    n = _n()
    fields.setdefault("name", f"tag {n}")
    fields.setdefault("slug", f"tag-{n}")
    return Tag.objects.create(**fields)


def make_procedure(**fields) -> Procedure:
    n = _n()
    fields.setdefault("name", f"Procedure {n}")
    fields.setdefault("slug", f"procedure-{n}")
    fields.setdefault("summary", "A procedure described for tests.")
    return Procedure.objects.create(**fields)


def make_reviewer(**fields) -> Reviewer:
    n = _n()
    fields.setdefault("name", f"Dr Reviewer {n}")
    fields.setdefault("slug", f"reviewer-{n}")
    fields.setdefault("credentials", "MBBS, MRCP")
    return Reviewer.objects.create(**fields)


def make_post(*, categories=(), procedures=(), tags=(), **fields) -> Post:
    """A published post (an hour old) unless `published_at` says otherwise."""
    n = _n()
    fields.setdefault("title", f"Post number {n}")
    fields.setdefault("slug", f"post-number-{n}")
    fields.setdefault("excerpt", f"Excerpt of post {n}.")
    fields.setdefault("body", f"<p>Body of post {n}.</p>")
    fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    if "author" not in fields:
        fields["author"] = make_user()
    post = Post.objects.create(**fields)
    post.categories.set(categories)
    post.procedures.set(procedures)
    post.tags.set(tags)
    return post


def make_reference(post: Post, **fields) -> Reference:
    fields.setdefault("title", "A reference")
    return Reference.objects.create(post=post, **fields)


def make_page(**fields) -> Page:
    n = _n()
    fields.setdefault("title", f"Page {n}")
    fields.setdefault("slug", f"page-{n}")
    fields.setdefault("body", "<p>A standing page.</p>")
    return Page.objects.create(**fields)


def image_bytes(fmt: str = "PNG", size=(64, 48), exif: bytes | None = None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 120, 90))
    if exif is not None:
        image.save(out, format=fmt, exif=exif)
    else:
        image.save(out, format=fmt)
    return out.getvalue()
