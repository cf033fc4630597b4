"""Endpoints of the change form's script: autosave, discard, heartbeat (staff, POST only)."""

from http import HTTPStatus

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from . import sessions

# Never stored: the token and the admin's own buttons.
SKIPPED = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother"}


def _target(request: HttpRequest, model: str, pk: int):
    if model not in sessions.MODELS:
        raise Http404
    obj = get_object_or_404(sessions.MODELS[model], pk=pk)
    if not sessions.may_edit(request, obj):
        raise Http404  # never tell who may not edit whether the object exists
    return obj


@require_POST
@staff_member_required
def autosave(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    obj = _target(request, model, pk)
    data = {name: values for name, values in request.POST.lists() if name not in SKIPPED}
    saved = sessions.autosave(request.user, obj, data)
    return JsonResponse({"saved_at": saved.saved_at.isoformat()})


@require_POST
@staff_member_required
def discard(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    sessions.discard(request.user, _target(request, model, pk))
    return HttpResponse(status=HTTPStatus.NO_CONTENT)


@require_POST
@staff_member_required
def heartbeat(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    others = sessions.seen(request.user, _target(request, model, pk))
    return JsonResponse({"editing": [str(other) for other in others]})
