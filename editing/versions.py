"""What a version of an article holds, for the admin's history, compare and restore.

A post's version is the post's own fields (body, title, excerpt, SEO fields, featured image and
its alt text, review fields, and the ids of its categories, procedures and tags) plus its
references, which are objects of their own and so are followed. Reverting a version puts all of
it back, and deletes references added since.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from reversion.models import Version

from articles.models import Page, Post, Procedure, Reference

# The reverse relations whose objects are part of an article's version.
FOLLOW: dict[type[models.Model], list[str]] = {Post: ["references"]}


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
