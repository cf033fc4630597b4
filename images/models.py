"""The images shown in rich text, one row per stored file with its size and renditions."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.db import models
from PIL import Image

from .files import make_renditions


class BodyImageQuerySet(models.QuerySet):
    def make(self, name: str) -> BodyImage:
        """Make (or make again) the renditions of a stored image and record them."""
        with default_storage.open(name, "rb") as handle, Image.open(handle) as image:
            width, height = image.size
        renditions = make_renditions(name)
        row, _created = self.update_or_create(
            name=name, defaults={"width": width, "height": height, "renditions": renditions}
        )
        return row

    def ensure(self, name: str) -> BodyImage:
        """The row of a stored image, made the first time only."""
        return self.filter(name=name).first() or self.make(name)


class BodyImage(models.Model):
    """A stored image used in rich text, with its WebP renditions for `srcset`."""

    name = models.CharField("file", max_length=255, unique=True)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    renditions = models.JSONField(
        default=list, blank=True, help_text="[[width, height, storage name], …], narrowest first."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BodyImageQuerySet.as_manager()

    class Meta:
        # The table it had when it belonged to the articles app, kept with its rows.
        db_table = "articles_bodyimage"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def srcset(self) -> str:
        parts = [f"{default_storage.url(name)} {width}w" for width, _h, name in self.renditions]
        parts.append(f"{default_storage.url(self.name)} {self.width}w")
        return ", ".join(parts)
