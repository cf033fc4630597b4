"""The admin side of versions: history with authors, compare, restore, and edit conflicts.

Every article admin (posts, pages, procedures) gets `VersionedAdmin` in `admin.py`. A change form
carries the id of the newest version it was opened on (`loaded_version`); saving it after
someone else saved a newer version is refused (409) with a link to compare, and the form keeps
what was typed. Saving once more then replaces the other person's version on purpose.
"""

from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from .diffs import text_diff
from .versions import revert_object


class RestoreRefused(Exception):
    """A restore that may not go through; nothing of it is kept."""


def newest_version_id(obj: Model) -> int:
    newest = Version.objects.get_for_object(obj).order_by("-pk").values_list("pk", flat=True)
    return newest.first() or 0


class EditConflictCheck:
    """Form mixin: refuse a save based on an older version than the stored one."""

    edit_conflict = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = newest_version_id(self.instance)

    def clean(self):
        cleaned = super().clean()
        loaded, newest = cleaned.get("loaded_version"), newest_version_id(self.instance)
        if loaded is not None and loaded < newest:
            self.edit_conflict = True
            opts = self.instance._meta
            compare = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_compare", args=[quote(self.instance.pk)]
            )
            version = Version.objects.select_related("revision__user").get(pk=newest)
            user = version.revision.user
            who = (user.get_full_name() or user.get_username()) if user else "someone"
            self.data = self.data.copy()
            self.data["loaded_version"] = newest  # saving again overwrites, knowingly
            raise forms.ValidationError(
                format_html(
                    "Not saved: {} saved a newer version of this {} while you were editing. "
                    'Your text is kept below. <a href="{}?version_id1={}&amp;version_id2={}">'
                    "Compare the versions</a>, then save again to replace theirs with yours.",
                    who,
                    opts.verbose_name,
                    compare,
                    loaded or newest,
                    newest,
                ),
                code="edit_conflict",
            )
        return cleaned


class VersionedAdmin(CompareVersionAdmin):
    """History lists the versions with their authors; any two compare as a word-level diff
    of the text with its markup stripped; a version restores in one click (a new version).
    The change view runs inside a revision, and so do the change list's bulk actions."""

    history_latest_first = True
    compare_exclude = ["updated_at", "changed_at", "created_at", "featured_image_renditions"]

    def compare_TextField(self, obj_compare):
        return text_diff(obj_compare)

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        if obj is not None and "form" not in kwargs:
            field = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
            kwargs["form"] = type(
                self.form.__name__, (EditConflictCheck, self.form), {"loaded_version": field}
            )
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or any("loaded_version" in opts["fields"] for _, opts in fieldsets):
            return fieldsets
        (name, first), *rest = fieldsets
        return [(name, {**first, "fields": [*first["fields"], "loaded_version"]}), *rest]

    def get_urls(self):
        opts = self.model._meta
        restore = path(
            "<path:object_id>/history/<int:version_id>/restore/",
            self.admin_site.admin_view(self.restore_view),
            name=f"{opts.app_label}_{opts.model_name}_restore",
        )
        return [restore, *super().get_urls()]

    def restore_view(self, request: HttpRequest, object_id: str, version_id: int):
        """The history's one-click restore (POST): the object as it was, as a new version."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        when = localize(template_localtime(version.revision.date_created))
        opts = self.model._meta
        change = redirect(f"admin:{opts.app_label}_{opts.model_name}_change", quote(obj.pk))
        try:
            with transaction.atomic(), self.create_revision(request):
                revert_object(version)
                restored = self.get_object(request, unquote(object_id))
                if message := self.restore_refused(obj, restored):
                    raise RestoreRefused(message)
                self.log_change(request, restored, f"Restored the version of {when}.")
        except RestoreRefused as refused:
            self.message_user(request, f"Not restored: {refused}", messages.ERROR)
            return change
        self.message_user(request, f"Restored the version of {when}.", messages.SUCCESS)
        return change

    def restore_refused(self, before: Model, after: Model) -> str | None:
        """Why the restored object `after` may not replace `before`, or None (every restore
        goes through unless a subclass says otherwise)."""
        return None

    def _reversion_revisionform_view(self, request, version, *args, **kwargs):
        # Opening (and saving) an old version's form reverts this object only, never the
        # other posts of a bulk action's or an import's revision. django-reversion finds the
        # version by id and object id alone: a page's version must not open as a post's.
        if version._model is not self.model:
            raise Http404
        version.revision.revert = partial(revert_object, version)
        return super()._reversion_revisionform_view(request, version, *args, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        adminform = getattr(response, "context_data", {}).get("adminform")
        if adminform is not None and getattr(adminform.form, "edit_conflict", False):
            response.status_code = 409
        return response
