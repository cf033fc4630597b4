"""`manage.py export_wxr FILE`: write the site as a WordPress export (WXR 1.2)."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wordpress.exporter import Exporter


class Command(BaseCommand):
    help = "Write posts, pages, categories, tags, authors and comments as a WXR 1.2 file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Where to write the export.")
        parser.add_argument(
            "--site-url",
            default="",
            help="The site's public address for links (default: SITE_URL, else http://localhost).",
        )

    def handle(self, *args, **options) -> None:
        target: Path = options["file"]
        site_url = options["site_url"] or settings.SITE_URL or "http://localhost"
        if not target.parent.is_dir():
            raise CommandError(f"{target.parent}: no such folder.")
        # Written next to the target and renamed at the end: never a half-written export.
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".xml.part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                counts = Exporter(out, site_url).write()
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Wrote {target}: {summary}."))
