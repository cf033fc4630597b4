from django.apps import AppConfig
from django.db.models.signals import post_save


class EditingConfig(AppConfig):
    name = "editing"
    verbose_name = "Editing"

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry

        from .signals import drop_saved_autosave

        post_save.connect(drop_saved_autosave, sender=LogEntry, dispatch_uid="editing-autosave")
