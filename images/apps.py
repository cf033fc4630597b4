from django.apps import AppConfig
from django.db.models.signals import post_save


class ImagesConfig(AppConfig):
    """The media library: uploads checked and re-encoded, WebP renditions, images in bodies.

    The content calls none of it; this app plugs into it (`articles.extensions` lists how)."""

    name = "images"
    verbose_name = "Images"

    def ready(self) -> None:
        from articles import extensions

        from .bodies import enhance
        from .files import reencoded_upload, refresh_renditions, rendition_fields

        extensions.add_body_step(enhance)
        extensions.add_image_step(reencoded_upload)
        for label in dict.fromkeys(label for label, _image, _record in rendition_fields()):
            post_save.connect(refresh_renditions, sender=label, dispatch_uid=f"renditions-{label}")
