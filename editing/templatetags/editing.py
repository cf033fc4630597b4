from django import template
from django.conf import settings

from .. import sessions

register = template.Library()


@register.inclusion_tag("editing/_panel.html", takes_context=True)
def editing_panel(context, obj) -> dict:
    """Who else has this open (recording that we do too) and our autosave, for the form."""
    request = context["request"]
    model = obj._meta.model_name
    autosave = sessions.autosave_of(request.user, obj)
    return {
        "model": model,
        "obj": obj,
        "others": sessions.seen(request.user, obj),
        "autosave": autosave,
        "autosave_labels": sessions.labels(obj, autosave.data) if autosave else {},
        "autosave_seconds": settings.EDITING_AUTOSAVE_SECONDS,
        "heartbeat_seconds": settings.EDITING_HEARTBEAT_SECONDS,
    }
