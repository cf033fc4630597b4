"""A portrait on a public profile (authors and medical reviewers), with the same smaller WebP
renditions as featured images so the profile pages can offer a `srcset` with width and height.

The renditions are made by the images app when a new photo is saved (`extensions` says how);
this module only reads what they record."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.db import models
from django.db.models.fields.files import FieldFile


def srcset(image: FieldFile | None, width: int | None, renditions: dict) -> str:
    """`srcset` of a stored image: its WebP renditions (as an `x_renditions` field keeps them:
    {"source": name, "sizes": [[width, height, name], …]}) and the original at its own width;
    empty without an image."""
    if not image:
        return ""
    parts = [
        f"{default_storage.url(name)} {size}w" for size, _h, name in renditions.get("sizes", [])
    ]
    parts.append(f"{image.url} {width}w")
    return ", ".join(parts)


class WithPhoto(models.Model):
    photo = models.ImageField(
        upload_to="people/%Y/%m/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text="A portrait for the public profile page (JPEG, PNG or WebP).",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def photo_srcset(self) -> str:
        return srcset(self.photo, self.photo_width, self.photo_renditions)
