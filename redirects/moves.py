"""More addresses that keep working: a renamed page, tag or category (with its whole subtree of
addresses and feeds) leaves a 301 at each old address, and a live post or page that is deleted
leaves a 410 Gone, so readers and search engines learn it was removed on purpose.

Chains are collapsed by `Redirect.objects.record_move` (one hop); a redirect that led to a
deleted address becomes a 410 itself, so it is one hop too.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone

from articles.models import Category, Page, Post, Tag

from .models import Redirect, RedirectSource, RedirectStatus, normalise_path


def _addresses(obj: Category | Tag | Page) -> list[str]:
    """The public addresses of an object that move with its slug: the page and its feed."""
    if isinstance(obj, Category):
        return [obj.get_absolute_url(), reverse("discovery:category_feed", args=[obj.path])]
    if isinstance(obj, Tag):
        return [obj.get_absolute_url(), reverse("discovery:tag_feed", args=[obj.slug])]
    return [obj.get_absolute_url()]


def _subtree(category: Category) -> list[Category]:
    """The category's descendants, each with its ancestors loaded from the database."""
    found, level = [], [category.pk]
    while level:
        children = list(Category.objects.with_ancestors().filter(parent_id__in=level))
        found += children
        level = [c.pk for c in children if c.pk not in level]
    return found


@receiver(pre_save, sender=Page)
@receiver(pre_save, sender=Tag)
@receiver(pre_save, sender=Category)
def remember_old_addresses(sender, instance, raw: bool = False, **kwargs) -> None:
    instance._old_addresses = None
    if raw or instance.pk is None:
        return
    manager = Category.objects.with_ancestors() if sender is Category else sender.objects
    old = manager.filter(pk=instance.pk).first()
    if old is None:
        return
    same_parent = getattr(old, "parent_id", None) == getattr(instance, "parent_id", None)
    if old.slug == instance.slug and same_parent:
        return
    if isinstance(old, Page) and not old.is_live:
        return  # a draft's address was never public
    moved = [old, *(_subtree(old) if isinstance(old, Category) else [])]
    instance._old_addresses = [(obj.pk, _addresses(obj)) for obj in moved]


@receiver(post_save, sender=Page)
@receiver(post_save, sender=Tag)
@receiver(post_save, sender=Category)
def redirect_old_addresses(sender, instance, raw: bool = False, **kwargs) -> None:
    old = getattr(instance, "_old_addresses", None)
    instance._old_addresses = None
    if not old or raw:
        return
    manager = Category.objects.with_ancestors() if sender is Category else sender.objects
    now = {obj.pk: _addresses(obj) for obj in manager.filter(pk__in=[pk for pk, _ in old])}
    for pk, before in old:
        for old_path, new_path in zip(before, now.get(pk, []), strict=False):
            Redirect.objects.record_move(old_path, new_path)


@receiver(post_delete, sender=Post)
@receiver(post_delete, sender=Page)
def mark_gone(sender, instance, **kwargs) -> None:
    """Deleted while live: its address (and whatever redirected to it) answers 410 Gone."""
    if not instance.is_live:
        return
    path = normalise_path(instance.get_absolute_url())
    stamp = timezone.now()
    Redirect.objects.filter(new_path=path).update(
        status=RedirectStatus.GONE, new_path="", updated_at=stamp
    )
    Redirect.objects.update_or_create(
        old_path=path,
        defaults={"status": RedirectStatus.GONE, "new_path": "", "source": RedirectSource.REMOVED},
    )
