from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial roles and review"

    def ready(self) -> None:
        from articles import extensions

        from .preview import draft_changes_preview

        extensions.add_post_preview(draft_changes_preview)
