"""The content's admins: fields, fieldsets, filters, inlines.

Other apps extend the post, page and procedure admins registered here (each re-registers the
admin it finds with its own mixins in front), so this app imports none of them:

- `editing/admin.py`: versions (history, compare, restore, edit conflicts) on all three, and
  the trash on posts and pages (the "trash" filter, the "Restore" action);
- `editorial/admin.py`: on posts, the role rules (own posts, publishing as a permission, the
  "Publish now" and "Unpublish" actions, references editable with their post) and the review
  before publishing;
- `medical/admin.py`: on posts, the medical sign-off and review due dates.

Their order in INSTALLED_APPS is the order in which they wrap these admins.
"""

from django.contrib import admin
from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html

from .forms import AuthorProfileAdminForm, PostAdminForm, ReviewerAdminForm
from .models import (
    AuthorProfile,
    Category,
    Page,
    Post,
    PostStatus,
    Procedure,
    Reference,
    Reviewer,
    Tag,
)


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return PostStatus.choices

    def queryset(self, request, queryset):
        if self.value() in PostStatus.values:
            return queryset.with_status(self.value())
        return queryset


class ReferenceInline(admin.TabularInline):
    model = Reference
    extra = 0
    fields = ["position", "title", "publisher", "year", "url", "doi", "pmid"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    form = PostAdminForm
    list_display = ["title", "status_badge", "author", "published_at", "updated_at", "is_featured"]
    list_filter = [StatusFilter, "categories", "procedures", "author", "is_featured"]
    list_select_related = ["author"]
    search_fields = ["title", "slug", "excerpt", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["categories", "procedures", "tags", "author"]
    readonly_fields = ["reviewed_by", "last_reviewed_on"]
    inlines = [ReferenceInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "excerpt", "body"]}),
        (
            "Publishing",
            {
                "fields": ["published_at", "author", "is_featured", "comments_open"],
                "description": "Leave the time empty for a draft; a future time schedules it.",
            },
        ),
        ("Featured image", {"fields": ["featured_image", "featured_image_alt"]}),
        ("Topics", {"fields": ["categories", "procedures", "tags"]}),
        (
            "Medical review",
            {
                "fields": ["reviewed_by", "last_reviewed_on", "review_interval_months"],
                "description": "Who reviewed and when come from the newest medical sign-off.",
            },
        ),
        (
            "Search engines",
            {
                "fields": [
                    "seo_title",
                    "seo_description",
                    "seo_canonical",
                    "seo_noindex",
                    "primary_category",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    @admin.display(description="status", ordering="published_at")
    def status_badge(self, post: Post) -> str:
        label = post.status.label
        if post.status == PostStatus.SCHEDULED:
            label = f"Scheduled for {timezone.localtime(post.published_at):%d %b %Y %H:%M}"
        return format_html('<span class="status status--{}">{}</span>', post.status, label)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "post_count"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_post_count=Count("posts")).order_by("name")

    @admin.display(description="posts", ordering="_post_count")
    def post_count(self, category: Category) -> int:
        return category._post_count


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "invasiveness", "session_minutes", "updated_at"]
    list_filter = ["invasiveness"]
    search_fields = ["name", "slug", "aliases", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["related"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "aliases", "summary", "body"]}),
        (
            "At a glance",
            {
                "fields": [
                    "treats",
                    "session_minutes",
                    "downtime",
                    ("course_sessions_min", "course_sessions_max", "course_interval_weeks"),
                    "skin_types",
                    ("invasiveness", "setting"),
                    "related",
                ]
            },
        ),
        ("Cost", {"fields": [("cost_min", "cost_max", "cost_currency"), "cost_as_of"]}),
    ]


@admin.register(Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    form = ReviewerAdminForm
    list_display = ["name", "credentials"]
    raw_id_fields = ["user"]
    search_fields = ["name", "credentials"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "published_at", "updated_at"]
    search_fields = ["title", "slug", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(AuthorProfile)
class AuthorProfileAdmin(admin.ModelAdmin):
    form = AuthorProfileAdminForm
    list_display = ["public_slug", "display_name", "job_title", "user"]
    search_fields = ["public_slug", "display_name"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
