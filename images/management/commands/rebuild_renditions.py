"""Make every WebP rendition again: of featured images (and any other `x` / `x_renditions` image
field, `images.files.rendition_fields`), of the images in rich text, and write the bodies'
<img> tags again. Running it twice gives the same files and changes no body the second time."""

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from PIL import UnidentifiedImageError

from articles.signals import content_changed
from images.files import rendition_fields, renditions_record
from images.models import BodyImage
from images.tasks import body_image_names, body_models, refresh_bodies


class Command(BaseCommand):
    help = "Make the WebP renditions of every stored image again and complete the bodies' images."

    def handle(self, *args, **options) -> None:
        changed = False
        for label, image_field, renditions_field in rendition_fields():
            model = apps.get_model(label)
            made = missing = 0
            rows = model.objects.exclude(**{image_field: ""}).exclude(**{image_field: None})
            for pk, name in rows.values_list("pk", image_field).iterator():
                if not default_storage.exists(name):
                    missing += 1
                    continue
                model.objects.filter(pk=pk).update(**{renditions_field: renditions_record(name)})
                made += 1
            changed |= made > 0
            self.stdout.write(f"{label}.{image_field}: {made} rebuilt, {missing} missing")

        made = missing = 0
        for name in sorted(body_image_names()):
            try:
                BodyImage.objects.make(name)
            except (FileNotFoundError, UnidentifiedImageError):
                missing += 1  # gone from storage, or not an image
                self.stderr.write(f"Missing or unreadable: {name}")
            else:
                made += 1
        self.stdout.write(f"Images in rich text: {made} rebuilt, {missing} missing")

        updated = refresh_bodies()
        total = sum(model.objects.count() for model in body_models())
        self.stdout.write(f"Bodies updated: {updated} of {total}")
        if changed and not updated:
            content_changed.send(sender=BodyImage)
