from django.contrib import admin

from .models import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "status", "source", "updated_at"]
    list_filter = ["status", "source"]
    search_fields = ["old_path", "new_path"]
    fields = ["old_path", "new_path", "status", "source"]
    readonly_fields = ["source"]
