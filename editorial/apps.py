from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial roles and review"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from articles import extensions
        from articles.models import Post

        from .preview import draft_changes_preview
        from .review import follow_publishing

        extensions.add_post_preview(draft_changes_preview)
        post_save.connect(follow_publishing, sender=Post, dispatch_uid="editorial-publishing")
