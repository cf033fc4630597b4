"""Backups of the database and the media, and their restore, for `manage.py backup` and
`manage.py restore`. A backup is a folder:

- `database.dump`: PostgreSQL's `pg_dump` custom format (restored with `pg_restore`), or
  `database.sqlite3`: a consistent copy made with SQLite's online backup, while the site runs;
- `media/`: every file of the media storage (local disk or object storage), by its name;
- `backup.json`: what was saved, when."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    pass


def postgres_tool(name: str) -> str:
    """pg_dump/pg_restore: on PATH, else the newest of Debian's server packages."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if not candidates:
        raise BackupError(f"{name} is not installed (Debian package postgresql-client).")
    return str(candidates[-1])


def _postgres(tool: str, config: dict, *args: str) -> None:
    env = {**os.environ, "PGPASSWORD": str(config.get("PASSWORD") or "")}
    command = [postgres_tool(tool), "--no-owner", "--dbname", str(config["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if config.get(key):
            command += [flag, str(config[key])]
    run = subprocess.run(  # noqa: S603 (a fixed tool; its arguments come from settings)
        [*command, *args], env=env, capture_output=True, text=True, check=False, timeout=3600
    )
    if run.returncode:
        raise BackupError(f"{tool} failed: {run.stderr.strip()}")


def _sqlite_copy(source: str | Path, target: str | Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _walk(storage, folder: str = ""):
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}{name}"
    for sub in folders:
        yield from _walk(storage, f"{folder}{sub}/")


def media_names() -> list[str]:
    try:
        return sorted(_walk(default_storage))
    except FileNotFoundError:  # no upload yet: no media folder
        return []


def backup(folder: Path, alias: str = "default") -> dict:
    folder.mkdir(parents=True, exist_ok=False)
    connection = connections[alias]
    config = connection.settings_dict
    if connection.vendor == "postgresql":
        database = "database.dump"
        _postgres("pg_dump", config, "--format=custom", "--file", str(folder / database))
    elif connection.vendor == "sqlite":
        database = "database.sqlite3"
        _sqlite_copy(config["NAME"], folder / database)
    else:
        raise BackupError(f"No backup for the {connection.vendor} database.")
    names = media_names()
    for name in names:
        target = folder / "media" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
    summary = {
        "created": timezone.now().isoformat(),
        "database": database,
        "engine": connection.vendor,
        "media_files": len(names),
    }
    (folder / "backup.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary


def restore(folder: Path, alias: str = "default") -> dict:
    try:
        summary = json.loads((folder / "backup.json").read_text())
    except (OSError, ValueError):
        raise BackupError(f"{folder} is not a backup (no readable backup.json).") from None
    connection = connections[alias]
    if summary["engine"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {summary['engine']} database; the site uses {connection.vendor}."
        )
    config = connection.settings_dict
    connection.close()
    if connection.vendor == "postgresql":
        _postgres(
            "pg_restore", config, "--clean", "--if-exists", "--single-transaction",
            str(folder / summary["database"]),
        )  # fmt: skip
    else:
        _sqlite_copy(folder / summary["database"], config["NAME"])
    media = folder / "media"
    files = sorted(path for path in media.rglob("*") if path.is_file()) if media.exists() else []
    for path in files:
        name = path.relative_to(media).as_posix()
        if default_storage.exists(name):
            default_storage.delete(name)
        with path.open("rb") as handle:
            default_storage.save(name, File(handle, name=name))
    return {**summary, "media_restored": len(files)}
