from django.contrib import admin

from .models import LegacyPostId


@admin.register(LegacyPostId)
class LegacyPostIdAdmin(admin.ModelAdmin):
    list_display = ["wp_id", "post", "source_site"]
    search_fields = ["=wp_id", "post__title", "guid"]
    list_select_related = ["post"]
    autocomplete_fields = ["post"]
