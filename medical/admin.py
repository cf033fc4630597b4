"""The medical review in the admin: sign-off from the post's change form, "changed since
review" and review due dates in the posts' change list (columns and filters), and the sign-off
records themselves (read-only: a record is never edited).

The posts' admin is the one registered before this app's (the content app's, with versions,
the trash, the roles and the review workflow added by `editing` and `editorial`), extended here
and registered again in its place (the content app knows nothing of sign-offs).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from articles import extensions
from articles.models import Post

from . import rules
from .models import ReminderLog, SignOff
from .signoffs import newest, reviewer_of, sign_off, text_digest

NOTE_MAX_LENGTH = 2000


def _what_is_read(post: Post) -> tuple[str, tuple | None]:
    """The digest of the text a reviewer signs off — the draft changes waiting to be published
    when there are some, else the post as it is — and that pending text."""
    pending = extensions.pending_text(post)
    return (text_digest(*pending) if pending else text_digest(post)), pending


def may_sign_off(user) -> bool:
    """A staff account with the sign-off permission (Medical reviewers have it) that is linked
    to a public reviewer profile."""
    return bool(
        user.is_active
        and user.is_staff
        and user.has_perm("medical.add_signoff")
        and reviewer_of(user) is not None
    )


def _newest_digest() -> Subquery:
    newest_first = SignOff.objects.filter(post=OuterRef("pk")).newest_first()
    return Subquery(newest_first.values("text_digest")[:1])


def _changed(post: Post) -> bool:
    return post.signed_digest is not None and post.signed_digest != text_digest(post)


class ReviewDueFilter(admin.SimpleListFilter):
    title = "medical review due"
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Review overdue"),
            ("soon", "Due within 30 days"),
            ("never", "Never reviewed"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "soon":
            return queryset.review_due_soon()
        if self.value() == "never":
            return queryset.filter(last_reviewed_on__isnull=True)
        return queryset


class SignOffFilter(admin.SimpleListFilter):
    title = "medical sign-off"
    parameter_name = "signoff"

    def lookups(self, request, model_admin):
        return [
            ("changed", "Changed since review"),
            ("current", "Signed off, unchanged"),
            ("none", "Never signed off"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(signed_digest__isnull=True)
        if self.value() not in ("changed", "current"):
            return queryset
        # The text's digest is computed, not stored, so that no way of changing a post or its
        # references can leave it stale: the signed posts' text is read once, in two queries.
        signed = queryset.filter(signed_digest__isnull=False).only("pk", "title", "excerpt", "body")
        changed = {post.pk for post in signed if _changed(post)}
        if self.value() == "changed":
            return queryset.filter(pk__in=changed)
        return queryset.filter(signed_digest__isnull=False).exclude(pk__in=changed)


# The post admin registered so far (the content app's, with the additions of the apps before this
# one in INSTALLED_APPS), extended here.
_PostAdmin = type(admin.site.get_model_admin(Post))


class MedicalPostAdmin(_PostAdmin):
    change_form_template = "medical/post_change_form.html"
    # What this form's template extends: the form of the admin extended here.
    base_change_form_template = _PostAdmin.change_form_template or (
        "admin/articles/post/change_form.html"
    )
    list_display = [*_PostAdmin.list_display, "medical_review", "review_due"]
    list_filter = [*_PostAdmin.list_filter, SignOffFilter, ReviewDueFilter]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Each row brings its references too, for "changed since review".
        queryset = super().get_queryset(request).annotate(signed_digest=_newest_digest())
        return queryset.prefetch_related("references")

    @admin.display(description="medical review")
    def medical_review(self, post: Post) -> str:
        if post.signed_digest is None:
            return "Not signed off"
        if _changed(post):
            return format_html('<strong class="review-changed">{}</strong>', "Changed since review")
        return "Signed off"

    @admin.display(description="review due", ordering="last_reviewed_on")
    def review_due(self, post: Post) -> str:
        due = post.review_due_on
        if due is None:
            return "—"
        if post.is_review_overdue:
            return format_html("<strong>Overdue</strong> since {}", f"{due:%d %b %Y}")
        return f"{due:%d %b %Y}"

    def get_urls(self):
        opts = self.model._meta
        signoff = path(
            "<path:object_id>/sign-off/",
            self.admin_site.admin_view(self.signoff_view),
            name=f"{opts.app_label}_{opts.model_name}_signoff",
        )
        return [signoff, *super().get_urls()]

    def render_change_form(self, request, context, *args, **kwargs):
        context["medical_base_template"] = self.base_change_form_template
        return super().render_change_form(request, context, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        post = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if post is not None:
            latest = newest(post)
            digest, _pending = _what_is_read(post)
            context["medical"] = {
                "latest": latest,
                "changed": latest is not None and latest.text_digest != digest,
                "digest": digest,
                "may_sign_off": may_sign_off(request.user),
                "signoff_url": reverse("admin:articles_post_signoff", args=[quote(post.pk)]),
                "due_on": post.review_due_on,
                "overdue": post.is_review_overdue,
                "blocked": rules.publishing_blocked(post) if not post.is_live else None,
            }
        return super().change_view(request, object_id, form_url, context)

    def signoff_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """POST: the signed-in reviewer signs off the post as it is now. The form carries the
        digest of the text the reviewer read; a post changed since is not signed off."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        post = self.get_object(request, unquote(object_id))
        if post is None:
            raise Http404
        if not self.has_view_permission(request, post) or not may_sign_off(request.user):
            raise PermissionDenied
        change_url = reverse("admin:articles_post_change", args=[quote(post.pk)])
        digest, pending = _what_is_read(post)
        if request.POST.get("digest") != digest:
            self.message_user(
                request,
                "Not signed off: the post changed since you opened it. Read this version, "
                "then sign it off.",
                messages.ERROR,
            )
            return redirect(change_url)
        reviewer = reviewer_of(request.user)
        note = request.POST.get("note", "").strip()[:NOTE_MAX_LENGTH]
        record = sign_off(post, reviewer, user=request.user, note=note, text=pending)
        message = f"Medically signed off by {reviewer.name}."
        self.log_change(request, post, message)
        self.message_user(
            request,
            f"{message} Last reviewed: {timezone.localdate(record.signed_at):%d %B %Y}.",
            messages.SUCCESS,
        )
        return redirect(change_url)


admin.site.unregister(Post)
admin.site.register(Post, MedicalPostAdmin)


@admin.register(SignOff)
class SignOffAdmin(admin.ModelAdmin):
    list_display = ["post", "reviewer", "signed_at", "note"]
    list_filter = ["reviewer"]
    list_select_related = ["post", "reviewer"]
    search_fields = ["post__title", "reviewer__name", "note"]
    date_hierarchy = "signed_at"
    fields = ["post", "reviewer", "user", "version", "signed_at", "text_digest", "note"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # sign-offs are made from the post's change form

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["reviewer", "sent_at", "post_count"]
    list_select_related = ["reviewer"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
