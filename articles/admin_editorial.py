"""The editorial rules in the admin: roles and per-object permissions, publishing as its own
permission, the trash, and a log entry for every publishing change and bulk action.

The rules themselves are in `permissions.py`; these mixins apply them through the admin's own
hooks, so they hold for every view and action, not only for the buttons shown. Every change
goes through the model's `save()` (never `queryset.update()`), so whatever records saves
sees bulk actions too.
"""

from __future__ import annotations

import dataclasses

import reversion
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone

from . import extensions, permissions
from .querysets import PostStatus


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
    delete permission (Editors)."""

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


class PostPartInlineMixin:
    """An inline of a post's parts (references) is editable exactly when the post is."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_add_permission(request, obj)
        return allowed and permissions.may_change_post(request.user, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and permissions.may_change_post(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and permissions.may_change_post(request.user, obj)


def describe_publishing(before: PostStatus, post) -> str | None:
    """The log message for a change of publishing status, or None when it did not change."""
    after = post.status
    if after == before:
        return None
    if after == PostStatus.LIVE:
        return "Published."
    if after == PostStatus.SCHEDULED:
        return f"Scheduled for {timezone.localtime(post.published_at):%d %b %Y %H:%M}."
    return "Unpublished (back to draft)."


class PostRulesMixin(TrashMixin):
    """Roles on posts: own posts only without `edit_others_posts`, publishing only with
    `publish_post`, the author fixed for everyone but Editors, own posts listed first."""

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return permissions.may_change_post(request.user, obj)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return permissions.can_publish(request.user)

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.can_edit_others(request.user):
            fields.append("author")
        return fields

    def get_ordering(self, request: HttpRequest):
        ordering = list(super().get_ordering(request) or self.model._meta.ordering)
        if permissions.can_edit_others(request.user):
            return ordering
        own_first = Case(
            When(author_id=request.user.pk, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [own_first.asc(), *ordering]

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.may_publish = permissions.can_publish(request.user)
        return form

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        if not change and not obj.author_id:
            obj.author = request.user
        before = PostStatus.of(form.initial.get("published_at")) if change else PostStatus.DRAFT
        super().save_model(request, obj, form, change)
        if message := describe_publishing(before, obj):
            self.log_change(request, obj, message)

    def _set_published(self, request: HttpRequest, queryset: QuerySet, moment) -> int:
        posts = self._each_allowed(
            request, queryset, lambda post: permissions.may_publish_post(request.user, post)
        )
        if moment is not None:
            posts = [post for post in posts if not self._publishing_refused(request, post)]
        for post in posts:
            before = post.status
            post.published_at = moment
            post.save()
            message = f"{describe_publishing(before, post).removesuffix('.')} (bulk action)."
            self.log_change(request, post, message)
            reversion.set_comment(message)  # the version the change list's revision records
        return len(posts)

    def _publishing_refused(self, request: HttpRequest, post) -> bool:
        """Another app's publishing check stops this post: say why, leave it as it is."""
        if message := extensions.publishing_blocked(post):
            self.message_user(request, f"Not published: {message}", messages.ERROR)
            return True
        return False

    @admin.action(description="Publish selected posts now", permissions=["publish"])
    def publish_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_published(
            request, queryset.without_status(PostStatus.LIVE), timezone.now()
        )
        self.message_user(request, f"Published {count} post(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected posts (back to draft)", permissions=["publish"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_published(request, queryset.without_status(PostStatus.DRAFT), None)
        self.message_user(request, f"Moved {count} post(s) back to draft.", messages.SUCCESS)
