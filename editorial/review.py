"""The review workflow: who may do what, and each transition with its record.

Every transition is kept three ways: the `Submission` row (the state, as data), an admin log
entry on the post, and a version of the post whose comment says what happened, so the post's
history tells the review's story beside the text's.

- submit: a writer who may edit the post (a draft, or a live post's draft changes) asks for
  review; the Editors and Medical reviewers are emailed.
- send back: an Editor (`editorial.review_post`) returns it with a note, emailed to the writer.
- approve: an Editor approves it; the writer is told. "Approve and publish" (also needs
  `articles.publish_post` for that post) publishes at once: a draft goes live now, draft
  changes are applied. A plain approval leaves publishing to whoever may publish the post.
- publish changes: applies a live post's draft changes (`articles.publish_post` for that post).

Authors and Editors may still publish without a review: the workflow adds a way through
review, it does not take away their permission.
"""

from __future__ import annotations

from functools import partial

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision, Version
from reversion.utils import mute_signals

from articles import extensions, permissions
from articles.links import absolute_url
from articles.models import Post, Reference

from . import notifications
from .models import DraftChange, Submission, SubmissionState

DRAFT_CHANGES_COMMENT = "Draft changes (not public)."


# Rules -------------------------------------------------------------------------------------


def may_propose_changes(user: User, post: Post | None) -> bool:
    """May save draft changes of this live (or scheduled) post: whoever may write it, even a
    Contributor, who may not change the live post itself."""
    if post is None or post.published_at is None or post.is_trashed:
        return False
    if not user.has_perm("articles.change_post"):
        return False
    return post.author_id == user.pk or permissions.can_edit_others(user)


def may_submit(user: User, post: Post) -> bool:
    if post.is_trashed or open_submission(post) is not None:
        return False
    if post.published_at is None:
        return permissions.may_change_post(user, post)
    return may_propose_changes(user, post) and draft_change(post) is not None


def may_decide(user: User, post: Post) -> bool:
    return user.has_perm("editorial.review_post") and permissions.may_change_post(user, post)


def may_publish_changes(user: User, post: Post) -> bool:
    return permissions.may_publish_post(user, post)


# Reading -----------------------------------------------------------------------------------


def open_submission(post: Post) -> Submission | None:
    return post.submissions.open().select_related("submitted_by", "decided_by").first()


def latest_submission(post: Post) -> Submission | None:
    return post.submissions.newest_first().select_related("submitted_by", "decided_by").first()


def draft_change(post: Post) -> DraftChange | None:
    return DraftChange.objects.filter(post=post).select_related("version", "saved_by").first()


def admin_link(request: HttpRequest | None, post: Post) -> str:
    return absolute_url(request, reverse("admin:articles_post_change", args=[post.pk]))


# Records -----------------------------------------------------------------------------------


def _log(user: User, post: Post, message: str) -> None:
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[post],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


def _record(user: User, post: Post, message: str) -> None:
    """A log entry, and a version of the post as it now is, with `message` as its comment."""
    _log(user, post, message)
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(message)
        reversion.add_to_revision(post)


def _enqueue(task, *args) -> None:
    transaction.on_commit(partial(task.enqueue, *args))


# Transitions -------------------------------------------------------------------------------


@transaction.atomic
def submit(
    request: HttpRequest, post: Post, *, in_revision: bool = False, draft: DraftChange | None = None
) -> Submission:
    """`in_revision`: the comment goes on the revision being made (a save and submit from the
    change form); `draft`: on the draft changes' revision; otherwise on a version of its own."""
    submission = Submission.objects.create(
        post=post,
        is_changes=post.published_at is not None,
        submitted_by=request.user,
        submitted_at=timezone.now(),
    )
    message = (
        "Submitted the draft changes for review."
        if submission.is_changes
        else "Submitted for review."
    )
    if in_revision:
        _log(request.user, post, message)
        reversion.set_comment(message)
    elif draft is not None:
        _log(request.user, post, message)
        revision = draft.version.revision
        revision.comment = f"{revision.comment} {message}"
        revision.save(update_fields=["comment"])
    else:
        _record(request.user, post, message)
    _enqueue(notifications.notify_reviewers, submission.pk, admin_link(request, post))
    return submission


@transaction.atomic
def send_back(request: HttpRequest, submission: Submission, note: str) -> None:
    submission.state = SubmissionState.SENT_BACK
    submission.decided_by = request.user
    submission.decided_at = timezone.now()
    submission.note = note
    submission.save()
    _record(request.user, submission.post, f"Sent back to the writer: {note}")
    _enqueue(notifications.notify_writer, submission.pk, admin_link(request, submission.post))


@transaction.atomic
def approve(request: HttpRequest, submission: Submission, note: str = "") -> None:
    submission.state = SubmissionState.APPROVED
    submission.decided_by = request.user
    submission.decided_at = timezone.now()
    submission.note = note
    submission.save()
    _record(request.user, submission.post, "Approved for publishing.")
    _enqueue(notifications.notify_writer, submission.pk, admin_link(request, submission.post))


class PublishingBlocked(Exception):
    """A rule of another app (the medical sign-off) holds the post back; nothing changed."""


def _check_publishing(post: Post) -> None:
    if message := extensions.publishing_blocked(post):
        raise PublishingBlocked(message)


@transaction.atomic
def publish(request: HttpRequest, post: Post) -> None:
    """Publish a draft now (keeping a future time it already has), or apply draft changes."""
    if post.published_at is not None:
        publish_changes(request, post)
        return
    _check_publishing(post)
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment("Published.")
        post.published_at = timezone.now()
        post.save()
    _log(request.user, post, "Published.")
    close_open_submission(post)


@transaction.atomic
def publish_changes(request: HttpRequest, post: Post) -> None:
    draft = draft_change(post)
    if draft is None:
        return
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment("Published the draft changes.")
        _apply(draft.version)
        draft.delete()
        applied = Post.objects.get(pk=post.pk)
        _check_publishing(applied)  # the text as it would go live; raising undoes it all
        # The new version holds the post with the references as they are now.
        reversion.add_to_revision(applied)
    _log(request.user, post, "Published the draft changes.")
    close_open_submission(post)


def close_open_submission(post: Post) -> None:
    post.submissions.open().update(state=SubmissionState.PUBLISHED)


def _references_of(version: Version) -> list[Reference]:
    """The references a post's version holds (unsaved objects)."""
    content_type = ContentType.objects.get_for_model(Reference)
    return [
        reference_version._object_version.object
        for reference_version in version.revision.version_set.filter(content_type=content_type)
        if str(reference_version.field_dict.get("post_id")) == version.object_id
    ]


def draft_text(post: Post) -> tuple[Post, list[Reference]] | None:
    """The draft changes of a live post, as they would go live: the post and its references."""
    draft = draft_change(post)
    if draft is None:
        return None
    return draft.version._object_version.object, _references_of(draft.version)


def _apply(version: Version) -> None:
    """Put the draft version into the post, with its references, in a constant number of
    queries. A reference the draft added got its id inside a rolled-back transaction (another
    post's reference may have taken it since): it is added with an id of its own."""
    post_id = version.object_id
    version.revert()
    drafted = _references_of(version)
    current = Reference.objects.filter(post=post_id)
    kept = set(current.filter(pk__in=[r.pk for r in drafted]).values_list("pk", flat=True))
    current.exclude(pk__in=kept).delete()
    fields = [f.name for f in Reference._meta.concrete_fields if not f.primary_key]
    Reference.objects.bulk_update([r for r in drafted if r.pk in kept], fields)
    added = [r for r in drafted if r.pk not in kept]
    for reference in added:
        reference.pk = None
    Reference.objects.bulk_create(added)


# Draft changes -----------------------------------------------------------------------------


def copy_versions(revision: Revision) -> list[Version]:
    """Unsaved copies of a revision's versions, to outlive the revision's rollback."""
    return [
        Version(
            content_type_id=v.content_type_id,
            object_id=v.object_id,
            db=v.db,
            format=v.format,
            serialized_data=v.serialized_data,
            object_repr=v.object_repr,
        )
        for v in revision.version_set.all()
    ]


@transaction.atomic
def store_draft(request: HttpRequest, post: Post, versions: list[Version]) -> DraftChange:
    """Keep `versions` (copied from the revision of a save that was then rolled back) as the
    post's draft changes: a revision of their own, the post row untouched. An older draft's
    version stays in the history."""
    revision = Revision.objects.create(
        user=request.user, comment=DRAFT_CHANGES_COMMENT, date_created=timezone.now()
    )
    post_type = ContentType.objects.get_for_model(Post)
    for version in versions:
        version.pk = None
        version.revision = revision
    (post_version,) = [
        v for v in versions if v.content_type_id == post_type.pk and v.object_id == str(post.pk)
    ]
    post_version.save()
    Version.objects.bulk_create([v for v in versions if v is not post_version])
    draft, _ = DraftChange.objects.update_or_create(
        post=post,
        defaults={"version": post_version, "saved_by": request.user, "saved_at": timezone.now()},
    )
    _log(request.user, post, "Saved draft changes (not public).")
    return draft


class DraftLoaded(Exception):
    """Raised to roll back the draft put into the post while a page was rendered from it."""


def render_with_draft(draft: DraftChange, render):
    """`render()`'s response, rendered while the post holds its draft changes, which are then
    rolled back (as django-reversion does for its own version pages): every part of the page,
    references and topics included, shows the draft, and nothing of it stays."""
    response = None
    try:
        with transaction.atomic():
            with mute_signals(pre_save, post_save, post_delete, m2m_changed):
                _apply(draft.version)
            response = render()
            if hasattr(response, "render"):
                response.render()
            raise DraftLoaded
    except DraftLoaded:
        pass
    return response


def follow_publishing(sender, instance: Post, raw: bool = False, **kwargs) -> None:
    """A submitted draft that goes live, by whatever path (the change form, the bulk action,
    "Approve and publish"), closes its submission. Connected to `post_save` of posts."""
    if raw or instance.published_at is None:
        return
    # Asked of the database: the instance may hold the time as it was given (a string).
    going_live = Submission.objects.open().filter(
        post=instance.pk, is_changes=False, post__in=Post.objects.live_by_date()
    )
    going_live.update(state=SubmissionState.PUBLISHED)
