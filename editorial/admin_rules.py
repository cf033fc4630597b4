"""The roles in the post admin: own posts only without `edit_others_posts`, publishing as its
own permission (`publish_post`), the author fixed for everyone but Editors, and a log entry for
every publishing change and bulk action.

The rules themselves are in `articles/permissions.py` (the public previews use them too); these
mixins apply them through the admin's own hooks, so they hold for every view and action, not
only for the buttons shown. Every change goes through the model's `save()` (never
`queryset.update()`), so whatever records saves (the versions) sees bulk actions too.
"""

from __future__ import annotations

import reversion
from django.contrib import admin, messages
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone

from articles import extensions, permissions
from articles.models import PostStatus
from editing.admin_trash import GuardedActionsMixin


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


class PostRulesMixin(GuardedActionsMixin):
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
