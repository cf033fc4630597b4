from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `backup`: the database (replaced) and the media files."

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", type=Path, help="the folder `backup` wrote")

    def handle(self, *args, folder: Path, **options) -> None:
        try:
            summary = restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the database of {summary['created']} and "
            f"{summary['media_restored']} media files from {folder}."
        )
