import json

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.text import Truncator

from . import notifications, privacy
from .models import Comment, CommentStatus, ModerationTerm


class StatusFilter(admin.SimpleListFilter):
    """Pending / Approved / Spam / Trash, each with its count, as in WordPress."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = dict(Comment.objects.values_list("status").annotate(n=Count("pk")).order_by())
        return [
            (value, f"{label} ({counts.get(value, 0)})") for value, label in CommentStatus.choices
        ]

    def queryset(self, request, queryset):
        if self.value() in CommentStatus.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt", "author_name", "author_email", "ip_address", "post", "status",
        "created_at", "is_by_staff",
    ]  # fmt: skip
    list_filter = [StatusFilter, "post", "created_at", "is_by_staff"]
    list_select_related = ["post"]
    search_fields = ["author_name", "author_email", "body", "ip_address"]
    date_hierarchy = "created_at"
    actions = [
        "approve", "unapprove", "mark_spam", "trash", "export_personal_data",
        "erase_personal_data",
    ]  # fmt: skip
    fields = [
        "post", "parent", "status", "status_reason", "author_name", "author_email",
        "author_url", "body", "notify_replies", "is_by_staff", "user", "ip_address",
        "user_agent", "created_at", "updated_at",
    ]  # fmt: skip
    readonly_fields = [
        "post", "parent", "status_reason", "is_by_staff", "user", "ip_address", "user_agent",
        "created_at", "updated_at",
    ]  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # comments come through the form under a post

    @admin.display(description="comment")
    def excerpt(self, comment: Comment) -> str:
        return Truncator(comment.body).chars(80)

    def save_model(self, request, obj: Comment, form, change) -> None:
        was = form.initial.get("status")
        if "status" in form.changed_data:
            obj.status_reason = f"set to {obj.status} by {request.user.get_username()}"
        super().save_model(request, obj, form, change)
        if obj.status == CommentStatus.APPROVED and was != CommentStatus.APPROVED:
            notifications.comment_approved(obj, request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        posts = {c.post for c in queryset.approved().select_related("post")}
        super().delete_queryset(request, queryset)
        for post in posts:
            post.touch()

    def _set_status(self, request: HttpRequest, queryset: QuerySet, status: str) -> int:
        changed = 0
        for comment in queryset.select_related("post"):
            if comment.status == status:
                continue
            comment.status = status
            comment.status_reason = f"set to {status} by {request.user.get_username()}"
            comment.save(update_fields=["status", "status_reason", "updated_at"])
            if status == CommentStatus.APPROVED:
                notifications.comment_approved(comment, request)
            changed += 1
        return changed

    @admin.action(description="Approve selected comments", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_status(request, queryset, CommentStatus.APPROVED)
        self.message_user(request, f"Approved {count} comment(s).", messages.SUCCESS)

    @admin.action(
        description="Unapprove selected comments (back to pending)", permissions=["change"]
    )
    def unapprove(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_status(request, queryset, CommentStatus.PENDING)
        self.message_user(request, f"Moved {count} comment(s) back to pending.", messages.SUCCESS)

    @admin.action(description="Mark selected comments as spam", permissions=["change"])
    def mark_spam(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_status(request, queryset, CommentStatus.SPAM)
        self.message_user(request, f"Marked {count} comment(s) as spam.", messages.SUCCESS)

    @admin.action(description="Move selected comments to the trash", permissions=["change"])
    def trash(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._set_status(request, queryset, CommentStatus.TRASH)
        self.message_user(request, f"Moved {count} comment(s) to the trash.", messages.SUCCESS)

    def _emails(self, queryset: QuerySet) -> list[str]:
        emails = {e.strip().lower() for e in queryset.values_list("author_email", flat=True)}
        return sorted(e for e in emails if e)

    @admin.action(
        description="Export the personal data of the selected comments' authors (JSON)",
        permissions=["view"],
    )
    def export_personal_data(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        data = [privacy.export_data(email) for email in self._emails(queryset)]
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response

    @admin.action(
        description="Erase the personal data of the selected comments' authors",
        permissions=["change"],
    )
    def erase_personal_data(self, request: HttpRequest, queryset: QuerySet) -> None:
        emails = self._emails(queryset)
        count = sum(privacy.erase(email) for email in emails)
        self.message_user(
            request,
            f"Anonymised {count} comment(s) from {len(emails)} person(s).",
            messages.SUCCESS,
        )


@admin.register(ModerationTerm)
class ModerationTermAdmin(admin.ModelAdmin):
    list_display = ["term", "kind", "note", "created_at"]
    list_filter = ["kind"]
    search_fields = ["term", "note"]
