"""Delete for good the posts and pages that have been in the trash longer than
TRASH_RETENTION_DAYS; `--dry-run` lists them without deleting."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Page, Post


class Command(BaseCommand):
    help = "Delete posts and pages trashed more than TRASH_RETENTION_DAYS ago."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List, delete nothing.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        days = settings.TRASH_RETENTION_DAYS
        cutoff = timezone.now() - datetime.timedelta(days=days)
        verb = "Would delete" if dry_run else "Deleted"
        with transaction.atomic():
            for model in (Post, Page):
                items = list(model.objects.trashed_before(cutoff).order_by("trashed_at"))
                for item in items:
                    self.stdout.write(f"{verb} {model._meta.verbose_name} “{item}”")
                    if not dry_run:
                        item.delete()
                self.stdout.write(
                    f"{verb} {len(items)} {model._meta.verbose_name_plural} trashed more "
                    f"than {days} days ago."
                )
