from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial roles and review"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from articles import extensions
        from articles.authors import register_public_role
        from articles.models import Post
        from editing.versions import add_protected_versions

        from .models import DraftChange
        from .preview import draft_changes_preview
        from .review import draft_text, follow_publishing
        from .roles import AUTHOR, CONTRIBUTOR, EDITOR, MEDICAL_REVIEWER

        extensions.add_post_preview(draft_changes_preview)
        extensions.add_pending_text(draft_text)
        # Pruning old versions must not take pending draft changes with it.
        add_protected_versions(lambda: DraftChange.objects.values("version_id"))
        post_save.connect(follow_publishing, sender=Post, dispatch_uid="editorial-publishing")
        # Shown on an author's page when the profile has no job title (highest role first).
        for role in (MEDICAL_REVIEWER, EDITOR, AUTHOR, CONTRIBUTOR):
            register_public_role(role)
