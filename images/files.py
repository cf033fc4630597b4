"""Image files: checking and re-encoding uploads, storing them, and their WebP renditions.

Every stored image is decoded and encoded again with Pillow: that refuses anything that is not
really an image, caps its size and pixel count, and drops metadata such as EXIF GPS positions.
Featured images and profile photos (any image field `x` with a JSON field `x_renditions` beside
it) get their renditions when their model is saved with a new image (`refresh_renditions`, a
`post_save` receiver connected by the app).
"""

from __future__ import annotations

import io
import uuid
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import models
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError

# Format Pillow detects -> (file extension, save options).
ACCEPTED_FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True, "progressive": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85, "method": 4}),
    "GIF": ("gif", {}),
}
RENDITION_WIDTHS = (480, 800, 1200)


class ImageRejected(ValueError):
    """The upload is not an image this site accepts; the message says why, for a person."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


def check_size(size: int) -> None:
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ImageRejected(
            f"The file is {size / 1_048_576:.1f} MB; the limit is "
            f"{limit / 1_048_576:.0f} MB. Please resize it and try again."
        )
    if size == 0:
        raise ImageRejected("The file is empty.")


def clean_image(data: bytes) -> CleanImage:
    """Decode and re-encode an uploaded image, or raise ImageRejected saying why."""
    check_size(len(data))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                width, height = probe.size
                if width * height > settings.UPLOAD_MAX_PIXELS:
                    raise ImageRejected(
                        f"The image is {width}×{height} pixels, more than this site accepts "
                        f"({settings.UPLOAD_MAX_PIXELS:,} pixels). Please resize it."
                    )
                if kind not in ACCEPTED_FORMATS:
                    raise ImageRejected(
                        f"{kind} images are not accepted. Please upload a JPEG, PNG, WebP or GIF."
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                return _encode(image, kind)
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected(
            "The image has far too many pixels to be a real photo. Please resize it."
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageRejected(
            "This file is not an image we can read. Please upload a JPEG, PNG, WebP or GIF."
        ) from None


def _encode(image: Image.Image, kind: str) -> CleanImage:
    extension, options = ACCEPTED_FORMATS[kind]
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    # No exif/icc/text is passed on, so none is written.
    if kind == "GIF":
        image.save(out, format="GIF")
    else:
        image.save(out, format=kind, **options)
    return CleanImage(out.getvalue(), extension, image.width, image.height)


def store_image(clean: CleanImage, folder: str) -> str:
    """Save under a fresh unique name (never overwriting anything); return the storage name."""
    now = timezone.now()
    name = f"{folder}/{now:%Y/%m}/{uuid.uuid4().hex}.{clean.extension}"
    return default_storage.save(name, ContentFile(clean.content))


def make_renditions(name: str) -> list[list]:
    """Smaller WebP copies of a stored image for `srcset`: [[width, height, storage name], …]."""
    renditions: list[list] = []
    with default_storage.open(name, "rb") as handle, Image.open(handle) as image:
        image.load()
        for width in RENDITION_WIDTHS:
            if width >= image.width:
                break
            height = round(image.height * width / image.width)
            copy = image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            copy.save(out, format="WEBP", quality=80, method=4)
            stem = PurePosixPath(name)
            target = f"renditions/{stem.parent}/{stem.stem}-{width}.webp"
            if default_storage.exists(target):
                default_storage.delete(target)
            renditions.append(
                [width, height, default_storage.save(target, ContentFile(out.getvalue()))]
            )
    return renditions


# Image fields whose renditions `rebuild_renditions` makes again: (model label, image field,
# JSON field holding {"source": storage name, "sizes": make_renditions(…)}). Any model of the
# project with an ImageField `x` beside a JSONField `x_renditions` is found by itself; list
# here the ones that keep their renditions under another name.
RENDITION_FIELDS: list[tuple[str, str, str]] = []


def rendition_fields(model: type[models.Model] | None = None) -> list[tuple[str, str, str]]:
    """RENDITION_FIELDS and every `x` / `x_renditions` pair of the installed models (or of
    `model` only)."""
    label = model._meta.label if model else None
    found = [entry for entry in RENDITION_FIELDS if label in (None, entry[0])]
    for each in [model] if model else apps.get_models():
        names = {field.name: field for field in each._meta.concrete_fields}
        for field in names.values():
            beside = names.get(f"{field.name}_renditions")
            if isinstance(field, models.ImageField) and isinstance(beside, models.JSONField):
                entry = (each._meta.label, field.name, beside.name)
                if entry not in found:
                    found.append(entry)
    return found


def renditions_record(name: str) -> dict:
    """What a `x_renditions` field holds for the stored image `name` (made now)."""
    return {"source": name, "sizes": make_renditions(name) if name else []}


def refresh_renditions(sender: type[models.Model], instance: models.Model, **kwargs) -> None:
    """post_save: make the renditions of an image field whose image is new (or empty the record
    when the image was cleared); an unchanged image keeps the renditions it has."""
    if kwargs.get("raw"):
        return  # loading a fixture: the record comes with the row
    for _label, image_field, renditions_field in rendition_fields(sender):
        image = getattr(instance, image_field)
        source = image.name if image else ""
        if getattr(instance, renditions_field).get("source", "") == source:
            continue
        record = renditions_record(source)
        setattr(instance, renditions_field, record)
        # An update, not a save: the row was just saved, and saving again would signal again.
        sender._default_manager.filter(pk=instance.pk).update(**{renditions_field: record})


def reencoded_upload(upload: UploadedFile) -> UploadedFile:
    """A new featured image or photo re-encoded, or a ValidationError saying why it is not a
    real image (registered with `articles.extensions.add_image_step`)."""
    try:
        clean = clean_image(upload.read())
    except ImageRejected as error:
        raise forms.ValidationError(str(error)) from None
    stem = upload.name.rsplit(".", 1)[0][:80] or "image"
    return SimpleUploadedFile(f"{stem}.{clean.extension}", clean.content)
