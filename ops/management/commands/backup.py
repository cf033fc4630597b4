from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format, or SQLite's online backup) and media."

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", type=Path, help="a new folder to write the backup into")

    def handle(self, *args, folder: Path, **options) -> None:
        try:
            summary = backup(folder)
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Backed up the {summary['engine']} database and {summary['media_files']} media "
            f"files into {folder}."
        )
