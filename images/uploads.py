"""The CKEditor 5 image upload endpoint: staff with `articles.upload_image` only, real images
only, metadata stripped. Its renditions are made by a task (`tasks.make_body_image`)."""

from functools import partial

from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

from articles.permissions import is_staff, may_upload

from .files import ImageRejected, check_size, clean_image, store_image
from .tasks import make_body_image


def _refuse(message: str, status: int) -> JsonResponse:
    # The shape CKEditor 5's upload adapter shows to the editor.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def image_upload(request: HttpRequest) -> JsonResponse:
    if not is_staff(request.user):
        return _refuse("Only signed-in staff can upload images.", 403)
    if not may_upload(request.user):
        return _refuse("Your role cannot upload images. Ask an author or an editor.", 403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _refuse("No file was sent. Choose an image to upload.", 400)
    try:
        check_size(upload.size)
        clean = clean_image(upload.read())
    except ImageRejected as error:
        return _refuse(str(error), 400)
    name = store_image(clean, "uploads")
    transaction.on_commit(partial(make_body_image.enqueue, name))
    return JsonResponse({"url": default_storage.url(name)})
