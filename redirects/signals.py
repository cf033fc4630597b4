"""A post or procedure whose address changes leaves a 301 behind at its old address."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from articles.models import Post, Procedure

from .models import Redirect


@receiver(pre_save, sender=Post)
@receiver(pre_save, sender=Procedure)
def remember_old_address(sender, instance, raw: bool = False, **kwargs) -> None:
    instance._old_address = None
    if raw or instance.pk is None:
        return
    fields = ["slug", "published_at"] if sender is Post else ["slug"]
    old = sender.objects.filter(pk=instance.pk).only(*fields).first()
    if old is None or old.slug == instance.slug:
        return
    # A post's old address was public only if the post was live; a procedure's always was.
    if isinstance(old, Post) and not old.is_live:
        return
    instance._old_address = old.get_absolute_url()


@receiver(post_save, sender=Post)
@receiver(post_save, sender=Procedure)
def redirect_old_address(sender, instance, raw: bool = False, **kwargs) -> None:
    old_address = getattr(instance, "_old_address", None)
    if old_address and not raw:
        Redirect.objects.record_move(old_address, instance.get_absolute_url())
        instance._old_address = None
