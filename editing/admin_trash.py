"""The trash in the admin: deleting moves a post or page to the trash, the change list leaves
the trash out unless asked for it, and a "Restore" action brings things back.

The trash itself is the content's state (`move_to_trash()`, `trashed()`, the public 410, all in
`articles`); this is how the admin offers it. Every change goes through the model's methods
(never `queryset.update()`) and leaves a log entry, so whatever records saves sees bulk actions
too.
"""

from __future__ import annotations

import dataclasses

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest


class TrashFilter(admin.SimpleListFilter):
    """Without a choice, the change list leaves out what is in the trash."""

    title = "trash"
    parameter_name = "trash"

    def lookups(self, request, model_admin):
        return [("trash", "Trash")]

    def queryset(self, request, queryset):
        if self.value() == "trash":
            return queryset.trashed()
        return queryset.not_trashed()


class GuardedActionsMixin:
    """An action the user is not offered answers 403 when it is posted anyway (Django would
    otherwise say "No action selected" and carry on)."""

    def changelist_view(self, request: HttpRequest, extra_context=None):
        name = request.POST.get("action") if request.method == "POST" else None
        if name and name not in self.get_actions(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    def _each_allowed(self, request: HttpRequest, queryset: QuerySet, allowed) -> list:
        """The selected objects, or 403 (and nothing changed) when any is not the user's to
        change this way."""
        objects = list(queryset)
        if not all(allowed(obj) for obj in objects):
            raise PermissionDenied
        return objects


class TrashMixin(GuardedActionsMixin):
    """Deleting moves to the trash; deleting from the trash is for good, and needs the model's
    delete permission (Editors). The admin lists `TrashFilter` and the `restore_from_trash`
    action (see `editing/admin.py`)."""

    def get_actions(self, request: HttpRequest, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if "delete_selected" in actions:
            actions["delete_selected"] = dataclasses.replace(
                actions["delete_selected"],
                description="Move selected to the trash (delete for good if already there)",
            )
        return actions

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and obj.is_trashed:
            return super().has_delete_permission(request, obj)
        if obj is None:
            return self.has_change_permission(request) or super().has_delete_permission(request)
        return self.has_change_permission(request, obj)

    def get_deleted_objects(self, objs, request: HttpRequest):
        trashed = [obj for obj in objs if obj.is_trashed]
        if len(trashed) == len(objs):
            return super().get_deleted_objects(objs, request)
        to_trash = [obj for obj in objs if not obj.is_trashed]
        if not all(self.has_delete_permission(request, obj) for obj in to_trash):
            raise PermissionDenied
        deleted, counts, needed, protected = super().get_deleted_objects(trashed, request)
        label = f"{self.opts.verbose_name_plural} moved to the trash"
        shown = [f"{obj} (moved to the trash, restorable)" for obj in to_trash]
        return shown + deleted, {**counts, label: len(to_trash)}, needed, protected

    def log_deletions(self, request: HttpRequest, queryset):
        trashed = [obj for obj in queryset if obj.is_trashed]
        if trashed:
            return super().log_deletions(request, trashed)
        return None

    def delete_model(self, request: HttpRequest, obj) -> None:
        if obj.is_trashed:
            super().delete_model(request, obj)
        else:
            obj.move_to_trash()
            self.log_change(request, obj, "Moved to the trash.")

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self.delete_model(request, obj)

    @admin.action(description="Restore selected from the trash", permissions=["change"])
    def restore_from_trash(self, request: HttpRequest, queryset: QuerySet) -> None:
        objects = self._each_allowed(
            request, queryset.trashed(), lambda obj: self.has_change_permission(request, obj)
        )
        for obj in objects:
            obj.restore_from_trash()
            self.log_change(request, obj, "Restored from the trash.")
        self.message_user(request, f"Restored {len(objects)} from the trash.", messages.SUCCESS)
