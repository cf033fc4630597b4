"""The roles and the review before publishing in the post admin.

The post admin registered before this app's (the content app's, with versions and the trash
from `editing`) is extended here and registered again in its place, with `ReviewAdminMixin` in
front of the role rules of `admin_rules.py`, so `articles` knows nothing of either. Through the
admin's own hooks:

- the change list gets a "review" filter (pending review, sent back, approved, draft changes);
- the change form gets a review panel (state, the editor's note, the decision buttons, "Publish
  changes") and the buttons "Save and submit for review" and "Save draft changes";
- saving a live post as draft changes runs the admin's own save inside a transaction that is
  rolled back once django-reversion has recorded the version: the version is kept as the
  post's draft changes, the post row (and so the public page) is untouched. A writer who may
  not change the live post (a Contributor on their own live article) can only save this way;
- opening a post with draft changes shows them (rendered from the draft version, rolled back).
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import path
from django.views.decorators.http import require_POST
from reversion.models import Version

from articles import permissions
from articles.models import Post

from . import review
from .admin_rules import PostPartInlineMixin, PostRulesMixin
from .models import DraftChange, Submission, SubmissionState


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            (SubmissionState.PENDING, "Pending review"),
            (SubmissionState.SENT_BACK, "Sent back"),
            (SubmissionState.APPROVED, "Approved"),
            ("changes", "With draft changes"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        submissions = Submission.objects.filter(post=OuterRef("pk"))
        if value in (SubmissionState.PENDING, SubmissionState.APPROVED):
            return queryset.filter(Exists(submissions.filter(state=value)))
        if value == SubmissionState.SENT_BACK:
            sent_back = Exists(submissions.filter(state=SubmissionState.SENT_BACK))
            return queryset.filter(sent_back).exclude(Exists(submissions.open()))
        if value == "changes":
            return queryset.filter(Exists(DraftChange.objects.filter(post=OuterRef("pk"))))
        return queryset


@dataclass(frozen=True)
class ReviewPanel:
    """What the change form shows of the review, for one user and post."""

    post: Post | None
    submission: Submission | None = None
    draft: DraftChange | None = None
    may_submit: bool = False
    may_decide: bool = False
    may_approve_and_publish: bool = False
    may_publish_changes: bool = False
    may_save_draft: bool = False
    drafting_only: bool = False

    @property
    def is_pending(self) -> bool:
        return self.submission is not None and self.submission.state == SubmissionState.PENDING


class _Rollback(Exception):
    pass


class ReviewAdminMixin:
    change_form_template = "admin/editorial/post_change_form.html"

    # The change list ---------------------------------------------------------------------

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # A save kept as draft changes puts nothing live: its text is checked on publishing.
        form.publishes_live_changes = not getattr(request, "_saving_draft", False)
        return form

    def get_list_filter(self, request: HttpRequest):
        return [*super().get_list_filter(request), ReviewFilter]

    # Who may change what -----------------------------------------------------------------

    def _drafting_only(self, request: HttpRequest, post: Post | None) -> bool:
        """May write draft changes of this live post, but not change it directly."""
        return (
            post is not None
            and not super().has_change_permission(request, post)
            and review.may_propose_changes(request.user, post)
        )

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if super().has_change_permission(request, obj):
            return True
        # Only inside this post's change view, where every save becomes draft changes.
        return obj is not None and getattr(request, "_drafting_post", None) == obj.pk

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and getattr(request, "_drafting_post", None) == obj.pk:
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and getattr(request, "_drafting_post", None) == obj.pk:
            fields.append("published_at")  # publishing is not theirs to change
        return fields

    def get_inline_instances(self, request: HttpRequest, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is not None and getattr(request, "_drafting_post", None) == obj.pk:
            # The references are part of the draft changes too.
            for inline in inlines:
                inline.has_add_permission = lambda request, obj=None: True
                inline.has_change_permission = lambda request, obj=None: True
                inline.has_delete_permission = lambda request, obj=None: True
        return inlines

    # The change form ---------------------------------------------------------------------

    def change_view(self, request: HttpRequest, object_id, form_url="", extra_context=None):
        post = Post.objects.filter(pk=unquote(object_id)).first() if object_id.isdigit() else None
        if post is None:
            return super().change_view(request, object_id, form_url, extra_context)
        if self._drafting_only(request, post):
            request._drafting_post = post.pk
        draft = review.draft_change(post)
        if request.method == "POST" and self._saves_draft(request, post):
            return self._save_draft(request, post, object_id, form_url, extra_context)
        parent = super()
        if request.method == "GET" and draft is not None:
            if self.has_view_or_change_permission(request, post):
                messages.info(
                    request,
                    "You are editing the draft changes saved "
                    f"by {_name(draft.saved_by)}; the public sees the published version.",
                )
            return review.render_with_draft(
                draft, lambda: parent.change_view(request, object_id, form_url, extra_context)
            )
        response = parent.change_view(request, object_id, form_url, extra_context)
        if request.method == "POST" and response.status_code == HTTPStatus.FOUND and draft:
            # Saved directly by someone who may change the live post, from the form that
            # showed the draft changes: they are live now.
            draft.delete()
            review.close_open_submission(post)
        return response

    def _saves_draft(self, request: HttpRequest, post: Post) -> bool:
        if getattr(request, "_drafting_post", None) == post.pk:
            return True  # their only way to save a live post
        # Submitting a live post for review submits its changes, saved as draft changes.
        asked = "_save_draft_changes" in request.POST or (
            "_submit_for_review" in request.POST and post.published_at is not None
        )
        return asked and review.may_propose_changes(request.user, post)

    def _save_draft(self, request: HttpRequest, post: Post, object_id, form_url, extra_context):
        request._saving_draft = True
        versions = None
        try:
            with transaction.atomic():
                response = super().change_view(request, object_id, form_url, extra_context)
                if response.status_code == HTTPStatus.FOUND:
                    newest = Version.objects.get_for_object(post).order_by("-pk").first()
                    versions = review.copy_versions(newest.revision)
                elif hasattr(response, "render"):
                    response.render()
                raise _Rollback
        except _Rollback:
            pass
        finally:
            request._saving_draft = False
        if versions is None:
            return response  # the form with its errors (or a refused stale save)
        draft = review.store_draft(request, post, versions)
        self.message_user(
            request,
            "Draft changes saved. The public still sees the published version.",
            messages.SUCCESS,
        )
        if "_submit_for_review" in request.POST:
            self._submit(request, post, draft=draft)
        return redirect("admin:articles_post_change", quote(post.pk))

    def message_user(self, request: HttpRequest, *args, **kwargs) -> None:
        if not getattr(request, "_saving_draft", False):  # that save is rolled back
            super().message_user(request, *args, **kwargs)

    def _submit(self, request: HttpRequest, post: Post, **how) -> None:
        if review.may_submit(request.user, post):
            review.submit(request, post, **how)
            self.message_user(
                request, "Submitted for review: the editors are told.", messages.SUCCESS
            )
        else:
            self.message_user(request, "Not submitted: it is already in review.", messages.WARNING)

    def response_change(self, request: HttpRequest, obj):
        if "_submit_for_review" in request.POST and not getattr(request, "_saving_draft", False):
            self._submit(request, obj, in_revision=True)
            return redirect("admin:articles_post_change", quote(obj.pk))
        return super().response_change(request, obj)

    def response_add(self, request: HttpRequest, obj, post_url_continue=None):
        if "_submit_for_review" in request.POST:
            self._submit(request, obj, in_revision=True)
            return redirect("admin:articles_post_change", quote(obj.pk))
        return super().response_add(request, obj, post_url_continue)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["review_panel"] = self._panel(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _panel(self, request: HttpRequest, post: Post | None) -> ReviewPanel:
        user = request.user
        if post is None or post.pk is None:
            return ReviewPanel(post=None, may_submit=user.has_perm("articles.add_post"))
        drafting_only = getattr(request, "_drafting_post", None) == post.pk
        return ReviewPanel(
            post=post,
            submission=review.latest_submission(post),
            draft=review.draft_change(post),
            may_submit=review.open_submission(post) is None
            and (
                permissions.may_change_post(user, post)
                if post.published_at is None
                else review.may_propose_changes(user, post)
            ),
            may_decide=review.may_decide(user, post),
            may_approve_and_publish=review.may_decide(user, post)
            and permissions.may_publish_post(user, post),
            may_publish_changes=review.may_publish_changes(user, post),
            may_save_draft=review.may_propose_changes(user, post),
            drafting_only=drafting_only,
        )

    # The review's own views --------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/review/",
                wrap(require_POST(self.review_view)),
                name="articles_post_review",
            ),
            path(
                "<path:object_id>/publish-changes/",
                wrap(require_POST(self.publish_changes_view)),
                name="articles_post_publish_changes",
            ),
            *super().get_urls(),
        ]

    def _post_or_404(self, request: HttpRequest, object_id: str) -> Post:
        post = self.get_object(request, unquote(object_id))
        if post is None:
            raise Http404
        return post

    def _back(self, post: Post) -> HttpResponseRedirect:
        return redirect("admin:articles_post_change", quote(post.pk))

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """An Editor's decision on a pending submission: send back (a note is required),
        approve, or approve and publish."""
        post = self._post_or_404(request, object_id)
        decision = request.POST.get("decision")
        if not review.may_decide(request.user, post):
            raise PermissionDenied
        if decision == "approve_publish" and not permissions.may_publish_post(request.user, post):
            raise PermissionDenied
        submission = post.submissions.pending().first()
        if submission is None:
            self.message_user(request, "Nothing of this post waits for review.", messages.ERROR)
            return self._back(post)
        note = request.POST.get("note", "").strip()
        if decision == "send_back":
            if not note:
                self.message_user(
                    request, "Say in the note what the writer should change.", messages.ERROR
                )
                return self._back(post)
            review.send_back(request, submission, note)
            self.message_user(request, "Sent back to the writer with your note.", messages.SUCCESS)
        elif decision in ("approve", "approve_publish"):
            try:
                with transaction.atomic():
                    review.approve(request, submission, note)
                    if decision == "approve_publish":
                        review.publish(request, post)
            except review.PublishingBlocked as blocked:
                self.message_user(request, f"Not approved or published: {blocked}", messages.ERROR)
                return self._back(post)
            done = "Approved and published." if decision == "approve_publish" else "Approved."
            self.message_user(request, done, messages.SUCCESS)
        else:
            self.message_user(request, "Choose a decision.", messages.ERROR)
        return self._back(post)

    def publish_changes_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        post = self._post_or_404(request, object_id)
        if not review.may_publish_changes(request.user, post):
            raise PermissionDenied
        if review.draft_change(post) is None:
            self.message_user(request, "This post has no draft changes.", messages.ERROR)
            return self._back(post)
        try:
            review.publish_changes(request, post)
        except review.PublishingBlocked as blocked:
            self.message_user(request, f"The draft changes are not live: {blocked}", messages.ERROR)
            return self._back(post)
        self.message_user(request, "The draft changes are live.", messages.SUCCESS)
        return self._back(post)


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "someone"


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """The review history, read only: transitions happen on the post's change form."""

    list_display = ["post", "state", "submitted_by", "submitted_at", "decided_by", "decided_at"]
    list_filter = ["state"]
    list_select_related = ["post", "submitted_by", "decided_by"]
    search_fields = ["post__title", "note"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


# The post admin registered so far, with the role rules in front of it and the review in front
# of those.
_PostAdmin = type(admin.site.get_model_admin(Post))
admin.site.unregister(Post)


@admin.register(Post)
class ReviewedPostAdmin(ReviewAdminMixin, PostRulesMixin, _PostAdmin):
    actions = ["publish_now", "unpublish", *_PostAdmin.actions]
    # Each inline of the post's parts (its references), editable exactly when the post is.
    inlines = [
        type(inline.__name__, (PostPartInlineMixin, inline), {"__module__": __name__})
        for inline in _PostAdmin.inlines
    ]
