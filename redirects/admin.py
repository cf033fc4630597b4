from django.contrib import admin

from .models import LegacyPostId, Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "status", "source", "updated_at"]
    list_filter = ["status", "source"]
    search_fields = ["old_path", "new_path"]
    fields = ["old_path", "new_path", "status", "source"]
    readonly_fields = ["source"]


@admin.register(LegacyPostId)
class LegacyPostIdAdmin(admin.ModelAdmin):
    list_display = ["wp_id", "post", "source_site"]
    search_fields = ["=wp_id", "post__title", "guid"]
    list_select_related = ["post"]
    autocomplete_fields = ["post"]
