"""Who is editing what, and their autosaves: the rules behind the change form's script."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from articles.models import Page, Post

from .models import Autosave, Presence

MODELS: dict[str, type[Model]] = {"post": Post, "page": Page}


def target_filter(obj: Model) -> dict[str, Model]:
    return {"post": obj} if isinstance(obj, Post) else {"page": obj}


def may_edit(request: HttpRequest, obj: Model) -> bool:
    """The admin's own rule for this object, so per-object permissions apply here too."""
    model_admin = admin.site.get_model_admin(type(obj))
    return request.user.is_staff and model_admin.has_change_permission(request, obj)


@dataclass(frozen=True)
class OtherEditor:
    name: str
    since: datetime
    noun: str

    def __str__(self) -> str:
        since = timezone.localtime(self.since)
        return f"{self.name} is editing this {self.noun} (since {since:%H:%M})"


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def seen(user, obj: Model) -> list[OtherEditor]:
    """Record that `user` has `obj` open now; the others who have it open too."""
    now = timezone.now()
    recent = now - timedelta(seconds=settings.EDITING_PRESENCE_SECONDS)
    where = target_filter(obj)
    mine = Presence.objects.filter(user=user, **where).first()
    if mine is None:
        Presence.objects.create(user=user, since=now, seen_at=now, **where)
    else:
        mine.since = mine.since if mine.seen_at >= recent else now
        mine.seen_at = now
        mine.save(update_fields=["since", "seen_at"])
    others = (
        Presence.objects.filter(seen_at__gte=recent, **where)
        .exclude(user=user)
        .select_related("user")
        .order_by("since")
    )
    noun = obj._meta.verbose_name
    return [OtherEditor(_name(p.user), p.since, noun) for p in others]


def autosave(user, obj: Model, data: dict[str, list[str]]) -> Autosave:
    saved, _ = Autosave.objects.update_or_create(
        user=user, **target_filter(obj), defaults={"data": data, "saved_at": timezone.now()}
    )
    return saved


def autosave_of(user, obj: Model) -> Autosave | None:
    return Autosave.objects.filter(user=user, **target_filter(obj)).first()


def labels(obj: Model, data: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """What the form shows for the related objects an autosave names by id (authors,
    categories, tags…), so that restoring it shows "Skin care", not "7"."""
    found: dict[str, dict[str, str]] = {}
    for field in obj._meta.get_fields():
        if not field.is_relation or field.auto_created or field.name not in data:
            continue
        ids = [value for value in data[field.name] if value.isdigit()]
        if ids:
            related = field.related_model._default_manager.filter(pk__in=ids)
            found[field.name] = {str(item.pk): str(item) for item in related}
    return found


def discard(user, obj: Model) -> None:
    Autosave.objects.filter(user=user, **target_filter(obj)).delete()
