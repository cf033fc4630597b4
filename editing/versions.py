"""What a version of an article holds, for the admin's history, compare and restore.

A post's version is the post's own fields (body, title, excerpt, SEO fields, featured image and
its alt text, review fields, and the ids of its categories, procedures and tags) plus its
references, which are objects of their own and so are followed. Reverting a version puts all of
it back, and deletes references added since.
"""

import datetime
from collections.abc import Callable

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from reversion.models import Revision, Version

from articles.models import Page, Post, Procedure, Reference

# The reverse relations whose objects are part of an article's version.
FOLLOW: dict[type[models.Model], list[str]] = {Post: ["references"]}
# What other apps point at (a post's pending draft changes, a medical sign-off): each gives the
# ids of versions whose revisions pruning must keep, whatever their age.
protected_versions: list[Callable[[], QuerySet]] = []


def add_protected_versions(version_ids: Callable[[], QuerySet]) -> None:
    if version_ids not in protected_versions:
        protected_versions.append(version_ids)


def register() -> None:
    """Make the articles versioned: every revision (the admin's forms and bulk actions, an
    import, a command) then records them. A second call does nothing."""
    if reversion.is_registered(Post):
        return
    reversion.register(Reference)
    reversion.register(Post, follow=FOLLOW[Post])
    reversion.register(Page)
    reversion.register(Procedure)


def revert_object(version: Version, delete: bool = True) -> None:
    """Put back one object as it was in `version`, with its followed objects (a post's
    references) from the same revision, deleting those added since when `delete`.

    A revision may hold many objects (a bulk action's posts, a whole import): unlike
    `Revision.revert()`, the revision's other objects are left as they are now.
    """
    model = version._model
    with transaction.atomic():
        version.revert()
        for name in FOLLOW.get(model, []):
            relation = model._meta.get_field(name)
            related, fk = relation.related_model, relation.field.attname
            kept = []
            content_type = ContentType.objects.get_for_model(related)
            for related_version in version.revision.version_set.filter(content_type=content_type):
                if str(related_version.field_dict.get(fk)) == str(version.object_id):
                    related_version.revert()
                    kept.append(related_version.object_id)
            if delete:
                stale = related._default_manager.filter(**{fk: version.object_id})
                stale.exclude(pk__in=kept).delete()


def prune(keep: int, days: int, log: Callable[[str], object] | None = None) -> int:
    """Delete the old revisions of the articles: each object keeps the revisions of its newest
    `keep` versions (0: none kept for that reason), only revisions older than `days` days go,
    and a revision holding a protected version stays. Gives how many revisions went; `log`
    gets a line per step.

    The rule is django-reversion's `deleterevisions` with the protected versions left out:
    deleting a draft change's version would delete the draft changes with it. All of it runs in
    one transaction, so a draft saved meanwhile is either seen as protected or not deleted."""
    log = log or (lambda line: None)
    registered = [m for m in reversion.get_registered_models() if m._meta.app_label == "articles"]
    cutoff = timezone.now() - datetime.timedelta(days=days)
    with transaction.atomic():
        kept: set[int] = set()
        stale = models.Q(pk__in=[])
        for model in registered:
            log(f"Finding stale revisions for {model._meta.verbose_name}")
            versions = Version.objects.get_for_model(model)
            if keep:
                counts = versions.order_by().values_list("object_id").annotate(n=models.Count("pk"))
                overflow = [object_id for object_id, n in counts if n > keep]
                versions = versions.filter(object_id__in=overflow)
                for object_id in overflow:
                    newest = Version.objects.get_for_object_reference(model, object_id)
                    kept.update(newest.values_list("revision_id", flat=True)[:keep])
            stale |= models.Q(pk__in=versions.order_by().values_list("revision_id", flat=True))
        doomed = Revision.objects.filter(stale, date_created__lt=cutoff).exclude(pk__in=kept)
        for version_ids in protected_versions:
            doomed = doomed.exclude(version__pk__in=version_ids())
        count = doomed.count()
        log(f"Deleting {count} revisions...")
        doomed.delete()
    return count
