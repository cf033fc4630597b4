from django.apps import AppConfig


class MedicalConfig(AppConfig):
    name = "medical"
    verbose_name = "Medical review"

    def ready(self) -> None:
        """Tell the content app which posts may not be published as they are (it never
        imports us), and pruning which versions were signed off."""
        from articles import extensions
        from editing.versions import add_protected_versions

        from .models import SignOff
        from .rules import publishing_blocked

        extensions.add_publishing_check(publishing_blocked)
        add_protected_versions(lambda: SignOff.objects.exclude(version=None).values("version_id"))
