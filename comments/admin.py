import json
from http import HTTPStatus

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from . import notifications, privacy, staff
from .models import Comment, CommentStatus, ModerationTerm


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        max_length=settings.COMMENTS_MAX_LENGTH,
        help_text="Published at once under the comment, marked as the site's.",
    )


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
        "user_agent", "created_at", "updated_at", "reply_link",
    ]  # fmt: skip
    readonly_fields = [
        "post", "parent", "status_reason", "is_by_staff", "user", "ip_address", "user_agent",
        "created_at", "updated_at", "reply_link",
    ]  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # comments come through the form under a post

    @admin.display(description="comment")
    def excerpt(self, comment: Comment) -> str:
        return Truncator(comment.body).chars(80)

    def save_model(self, request, obj: Comment, form, change) -> None:
        if "status" in form.changed_data:
            obj.status_reason = f"set to {obj.status} by {request.user.get_username()}"
        with notifications.site_address_of(request):
            super().save_model(request, obj, form, change)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        posts = {c.post for c in queryset.approved().select_related("post")}
        super().delete_queryset(request, queryset)
        for post in posts:
            post.touch()

    def _set_status(self, request: HttpRequest, queryset: QuerySet, status: str) -> int:
        changed = 0
        reason = f"set to {status} by {request.user.get_username()}"
        with notifications.site_address_of(request):
            for comment in queryset.select_related("post"):
                if staff.set_status(comment, status, reason):
                    self.log_change(request, comment, f"Status set to {status}.")
                    changed += 1
        return changed

    def get_urls(self) -> list:
        return [
            path(
                "<int:object_id>/reply/",
                self.admin_site.admin_view(self.reply_view),
                name="comments_comment_reply",
            ),
            path(
                "moderate/<str:token>/",
                self.admin_site.admin_view(self.moderate_view),
                name="comments_comment_moderate",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="reply")
    def reply_link(self, comment: Comment) -> str:
        if comment.pk is None or comment.status in (CommentStatus.SPAM, CommentStatus.TRASH):
            return "—"
        url = reverse("admin:comments_comment_reply", args=[comment.pk])
        return format_html('<a class="button" href="{}">Reply as the site</a>', url)

    def reply_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """Answer a comment from the admin: the reply is approved and marked as the site's."""
        comment = get_object_or_404(Comment.objects.select_related("post"), pk=object_id)
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        form = StaffReplyForm(request.POST or None)
        status = HTTPStatus.OK
        if request.method == "POST":
            if form.is_valid():
                with notifications.site_address_of(request):
                    reply = staff.staff_reply(comment, request.user, form.cleaned_data["body"])
                self.log_addition(request, reply, f"Staff reply to comment {comment.pk}.")
                self.message_user(request, "Your reply is published.", messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse("admin:comments_comment_change", args=[reply.pk])
                )
            status = HTTPStatus.BAD_REQUEST
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Reply to {comment.author_name}",
            "comment": comment,
            "form": form,
        }
        return TemplateResponse(request, "admin/comments/reply.html", context, status=status)

    def moderate_view(self, request: HttpRequest, token: str) -> HttpResponse:
        """The page a moderation email's link opens: confirm, then the POST changes the status."""
        check = staff.check_token(token)
        context = {**self.admin_site.each_context(request), "opts": self.opts, "check": check}
        if check.problem:
            context["title"] = "This link cannot be used"
            return TemplateResponse(
                request, "admin/comments/moderate.html", context, status=HTTPStatus.BAD_REQUEST
            )
        comment = check.comment
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        status, label = staff.ACTIONS[check.action]
        if request.method == "POST":
            reason = f"set to {status} by {request.user.get_username()} from the moderation email"
            with notifications.site_address_of(request):
                staff.set_status(comment, status, reason)
            self.log_change(request, comment, f"Status set to {status} from the moderation email.")
            self.message_user(request, f"Done: {label.lower()}.", messages.SUCCESS)
            return HttpResponseRedirect(comment.get_admin_url())
        context.update(title=f"{label}?", comment=comment, label=label)
        return TemplateResponse(request, "admin/comments/moderate.html", context)

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
