from django.apps import AppConfig


class MedicalConfig(AppConfig):
    name = "medical"
    verbose_name = "Medical review"

    def ready(self) -> None:
        """Tell the content app which posts may not be published as they are (it never
        imports us)."""
        from articles import extensions

        from .rules import publishing_blocked

        extensions.add_publishing_check(publishing_blocked)
