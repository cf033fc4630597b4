"""A successful save from the admin ends that user's autosave of the object."""

from django.contrib.admin.models import CHANGE, LogEntry

from .models import Autosave
from .sessions import MODELS


def drop_saved_autosave(sender, instance: LogEntry, created: bool, **kwargs) -> None:
    if not created or instance.action_flag != CHANGE or instance.content_type is None:
        return
    if instance.content_type.app_label != "articles":
        return
    field = instance.content_type.model
    if field in MODELS:
        Autosave.objects.filter(
            user=instance.user_id, **{f"{field}_id": instance.object_id}
        ).delete()
