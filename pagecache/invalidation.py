"""Which changes make stored pages stale: any save, delete or relation change of a model that a
public page shows (the content, the discussion, redirects, WordPress provenance, the demo
content, authors' names), and every admin action (each leaves a log entry, bulk ones too)."""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.signals import content_changed

from .state import bump


def _changed(sender, **kwargs) -> None:
    if sender._meta.app_label in settings.PAGECACHE_APPS:
        bump()


def _relation_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        _changed(kwargs["model"])
        _changed(type(kwargs["instance"]))


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="pagecache-save")
    post_delete.connect(_changed, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="pagecache-m2m")
    content_changed.connect(_changed, dispatch_uid="pagecache-content")
