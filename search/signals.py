"""Signal handlers that keep the search text current when anything it is made of changes:
a post, the links between posts and their procedures, categories and tags, or the names
(and a procedure's aliases) of those."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from articles.models import Category, Post, Procedure, Tag

from .indexing import reindex_posts

# The fields of a linked object that end up in its posts' search text.
LINKED_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Procedure: ("name", "aliases"),
    Category: ("name",),
    Tag: ("name",),
}
POST_FIELDS = frozenset({"title", "excerpt", "body", "trashed_at"})


def post_saved(sender: type[Post], instance: Post, raw: bool = False, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if raw or (update_fields is not None and not POST_FIELDS & set(update_fields)):
        return
    reindex_posts([instance.pk])


def links_changed(
    sender: type[models.Model],
    instance: models.Model,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    if reverse and action == "pre_clear":
        instance._search_post_ids = list(instance.posts.values_list("pk", flat=True))
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        reindex_posts([instance.pk])
    elif action == "post_clear":
        reindex_posts(getattr(instance, "_search_post_ids", []))
    else:
        reindex_posts(pk_set or [])


def linked_before_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if instance.pk is not None and not kwargs.get("raw"):
        instance._search_old = (
            sender.objects.filter(pk=instance.pk).values_list(*LINKED_FIELDS[sender]).first()
        )


def linked_saved(
    sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **kw: Any
) -> None:
    if created or raw:
        return
    current = tuple(getattr(instance, name) for name in LINKED_FIELDS[sender])
    if getattr(instance, "_search_old", None) != current:
        reindex_posts(instance.posts.values_list("pk", flat=True))


def linked_before_delete(sender: type[models.Model], instance: models.Model, **kw: Any) -> None:
    instance._search_post_ids = list(instance.posts.values_list("pk", flat=True))


def linked_deleted(sender: type[models.Model], instance: models.Model, **kw: Any) -> None:
    reindex_posts(getattr(instance, "_search_post_ids", []))


def connect() -> None:
    uid = "search"
    post_save.connect(post_saved, sender=Post, dispatch_uid=uid)
    for through in (Post.procedures.through, Post.categories.through, Post.tags.through):
        m2m_changed.connect(links_changed, sender=through, dispatch_uid=uid)
    for model in LINKED_FIELDS:
        pre_save.connect(linked_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(linked_saved, sender=model, dispatch_uid=uid)
        pre_delete.connect(linked_before_delete, sender=model, dispatch_uid=uid)
        post_delete.connect(linked_deleted, sender=model, dispatch_uid=uid)
