from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial roles"

    def ready(self) -> None:
        from articles.authors import register_public_role

        from .roles import AUTHOR, CONTRIBUTOR, EDITOR, MEDICAL_REVIEWER

        # Shown on an author's page when the profile has no job title (highest role first).
        for role in (MEDICAL_REVIEWER, EDITOR, AUTHOR, CONTRIBUTOR):
            register_public_role(role)
