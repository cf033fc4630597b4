"""`manage.py import_wxr FILE`: import a WordPress export. See wordpress/importer.py."""

import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wordpress.importer import Importer, ImportRefused
from wordpress.records import WXRError


class Progress:
    """A one-line progress bar with counts and rate, drawn only on a terminal."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        share = done / total if total else 1
        bar = "#" * int(share * 30)
        self.stream.write(
            f"\r[{bar:<30}] {done}/{total} records  {done / elapsed:,.0f}/s  {elapsed:,.0f}s "
        )
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.0–1.2): authors, categories, tags, posts, pages, "
        "comments, featured images and redirects. Idempotent and atomic."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The WXR file (Tools → Export in WordPress).")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of wp-content/uploads: files are looked up there by their uploads path.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument(
            "--author-map",
            type=Path,
            help='A JSON object mapping WordPress logins to existing usernames: {"admin": "ann"}.',
        )

        for kind in ("category", "tag", "author"):
            parser.add_argument(
                f"--{kind}-base",
                metavar="BASE",
                help=f"The WordPress site's custom {kind} base: its old /BASE/… addresses "
                f"redirect here.",
            )

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        media_dir = options["media_dir"]
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir}: no such folder.")
        author_map = self._author_map(options["author_map"])
        progress = Progress(sys.stderr) if sys.stderr.isatty() else None
        importer = Importer(
            path,
            media_dir=media_dir,
            author_map=author_map,
            dry_run=options["dry_run"],
            progress=progress,
            bases={kind: options[f"{kind}_base"] or "" for kind in ("category", "tag", "author")},
        )
        started = time.monotonic()
        try:
            stats = importer.run()
        except WXRError as error:
            raise CommandError(f"{path}: {error}. Nothing was imported.") from None
        except ImportRefused as error:
            raise CommandError(f"{error}. Nothing was imported.") from None
        self.stdout.write(stats.table())
        elapsed = time.monotonic() - started
        if options["dry_run"]:
            self.stdout.write(f"\nDry run: nothing was written ({elapsed:.1f}s).")
        elif stats.changed:
            self.stdout.write(self.style.SUCCESS(f"\nImported {path.name} in {elapsed:.1f}s."))
        else:
            self.stdout.write(f"\nNothing changed: {path.name} was already imported.")

    def _author_map(self, path: Path | None) -> dict[str, str]:
        if path is None:
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"--author-map {path}: {error}") from None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise CommandError(f'--author-map {path}: expected {{"wp_login": "username", …}}.')
        return data
