"""Background work of the images: renditions of images uploaded for rich text.

A task of Django's tasks framework: in-process by default (the TASKS setting), or queued in the
database for `manage.py db_worker` with TASKS_BACKEND=database."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.tasks import task
from django.utils import timezone

from articles.signals import content_changed

from .bodies import local_names
from .models import BodyImage

logger = logging.getLogger(__name__)

# The models with a rich-text `body`; each has `prepare_body()`, the body as it is stored.
BODY_MODELS = ("articles.Post", "articles.Page", "articles.Procedure")


def body_models() -> list[type[models.Model]]:
    return [apps.get_model(label) for label in BODY_MODELS]


def refresh_bodies(names: Iterable[str] | None = None) -> int:
    """Store again the bodies that show any of the named images (all bodies with an image when
    `names` is None), completed from the current rendition rows; returns how many changed."""
    names = None if names is None else sorted(set(names))
    if names == []:
        return 0
    changed = 0
    for model in body_models():
        rows = model.objects.filter(body__contains="<img")
        if names is not None:
            urls = models.Q()
            for name in names:
                urls |= models.Q(body__contains=default_storage.url(name))
            rows = rows.filter(urls)
        for obj in rows.iterator():
            body = obj.prepare_body()
            if body == obj.body:
                continue
            fields = {"body": body}
            if any(f.name == "changed_at" for f in model._meta.concrete_fields):
                fields["changed_at"] = timezone.now()
            model.objects.filter(pk=obj.pk).update(**fields)
            changed += 1
    if changed:
        content_changed.send(sender=BodyImage)
    return changed


@task()
def make_body_image(name: str) -> int:
    """Renditions of an image uploaded for rich text; bodies already showing it (saved while the
    task waited in a queue) get its sizes. Returns the number of bodies updated."""
    if not default_storage.exists(name):
        logger.warning("No renditions for %s: the file is not in storage.", name)
        return 0
    BodyImage.objects.make(name)
    return refresh_bodies([name])


def body_image_names() -> set[str]:
    """Every image of this site's storage that some rich text shows, and every recorded one."""
    names = set(BodyImage.objects.values_list("name", flat=True))
    for model in body_models():
        for body in model.objects.filter(body__contains="<img").values_list("body", flat=True):
            names |= local_names(body)
    return names
