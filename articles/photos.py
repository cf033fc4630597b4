"""A portrait on a public profile (authors and medical reviewers), with the same smaller WebP
renditions as featured images so the profile pages can offer a `srcset` with width and height."""

from __future__ import annotations

from django.db import models

from .images import make_renditions, srcset


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

    def refresh_photo_renditions(self) -> None:
        """After a save: make the renditions when the photo is new (or remove them from the
        record when it was cleared)."""
        source = self.photo.name if self.photo else ""
        if self.photo_renditions.get("source", "") == source:
            return
        sizes = make_renditions(source) if source else []
        self.photo_renditions = {"source": source, "sizes": sizes}
        type(self)._default_manager.filter(pk=self.pk).update(
            photo_renditions=self.photo_renditions
        )
