from django.apps import AppConfig
from django.db.models.signals import post_save


class EditingConfig(AppConfig):
    name = "editing"
    verbose_name = "Editing"

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry

        from . import versions
        from .signals import drop_saved_autosave

        # Not left to the admin (its autodiscovery can be turned off): saves in a revision
        # anywhere, as in an import or a command, are versions too.
        versions.register()
        post_save.connect(drop_saved_autosave, sender=LogEntry, dispatch_uid="editing-autosave")
