"""Versions and the trash in the admins of `articles` (posts, pages, procedures).

The admins that `articles` registered are extended here and registered again in their place,
so the content app knows nothing of either: every one gets `VersionedAdmin` (history, compare,
restore, edit conflicts), posts and pages the trash as well (`TrashMixin`, the "trash" filter
first in the list and the "Restore" action). Restoring a post's old version asks the publishing
checks, as saving its form does.
"""

from django.contrib import admin

from articles import extensions
from articles.models import Page, Post, Procedure

from . import versions
from .admin_trash import TrashFilter, TrashMixin
from .admin_versions import VersionedAdmin

# The admin's autodiscovery imports this module before the apps' ready() run: registered here
# first, a post's versions follow its references (VersionAdmin would otherwise register the
# models itself, on its own terms).
versions.register()

_PostAdmin = type(admin.site.get_model_admin(Post))
_PageAdmin = type(admin.site.get_model_admin(Page))
_ProcedureAdmin = type(admin.site.get_model_admin(Procedure))
admin.site.unregister([Post, Page, Procedure])


@admin.register(Post)
class VersionedPostAdmin(TrashMixin, VersionedAdmin, _PostAdmin):
    list_filter = [TrashFilter, *_PostAdmin.list_filter]
    actions = [*_PostAdmin.actions, "restore_from_trash"]

    def restore_refused(self, before: Post, after: Post) -> str | None:
        # An old version is a change like any other: one that would put text live that the
        # publishing checks hold back (a medical sign-off) is refused, as the form refuses it.
        return extensions.publishing_refused(before, after)


@admin.register(Page)
class VersionedPageAdmin(TrashMixin, VersionedAdmin, _PageAdmin):
    list_filter = [TrashFilter, *_PageAdmin.list_filter]
    actions = [*_PageAdmin.actions, "restore_from_trash"]


@admin.register(Procedure)
class VersionedProcedureAdmin(VersionedAdmin, _ProcedureAdmin):
    pass
