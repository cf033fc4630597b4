"""`manage.py backup` then `manage.py restore` into a fresh database and a fresh media folder:
the restored site serves the same pages and files. On the suite's database engine (SQLite, or
the PostgreSQL server of the run), each side in a database of its own."""

import difflib
import json
import os
import re
import subprocess
import sys
import uuid
from contextlib import contextmanager

import pytest
from django.db import connection

from tests.servers import ROOT, manage

PAGES = ["/", "/does-microneedling-improve-acne-scars/", "/sitemap.xml", "/feed/"]
MEDIA_NAME = "uploads/backup-check.txt"

RENDER = f"""
import json
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
if default_storage.exists({MEDIA_NAME!r}) is False and __import__("os").environ.get("ADD_MEDIA"):
    default_storage.save({MEDIA_NAME!r}, ContentFile(b"kept by the backup"))
client = Client()
pages = {{path: [client.get(path).status_code, client.get(path).content.decode()]
         for path in {PAGES!r}}}
media = default_storage.open({MEDIA_NAME!r}).read().decode() if default_storage.exists(
    {MEDIA_NAME!r}) else None
print(json.dumps({{"pages": pages, "media": media}}))
"""


def site(env: dict) -> dict:
    run = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", RENDER],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    for page in seen["pages"].values():  # the CSP nonce and the form's time stamp are new
        page[1] = re.sub(r'(nonce|name="token" value)="[^"]*"', "", page[1])
    return seen


@contextmanager
def two_databases(tmp_path):
    """The URLs of two empty databases on the engine the suite runs on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'live.sqlite3'}", f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    import psycopg2

    config = connection.settings_dict
    names = [f"backup_{side}_{uuid.uuid4().hex[:8]}" for side in ("live", "fresh")]
    server = f"{config['USER']}:{config['PASSWORD'] or ''}@{config['HOST']}:{config['PORT']}"
    admin = psycopg2.connect(
        dbname="postgres", user=config["USER"], password=config["PASSWORD"] or "",
        host=config["HOST"], port=config["PORT"],
    )  # fmt: skip
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f'CREATE DATABASE "{name}"')
        yield tuple(f"postgres://{server}/{name}" for name in names)
    finally:
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_restored_backup_serves_the_same_pages_and_media(tmp_path):
    with two_databases(tmp_path) as (live_url, fresh_url):
        base = {
            **os.environ,
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "CRITICAL",
            "STATIC_ROOT": str(tmp_path / "static"),
        }
        live = {**base, "DATABASE_URL": live_url, "MEDIA_ROOT": str(tmp_path / "live-media")}
        fresh = {**base, "DATABASE_URL": fresh_url, "MEDIA_ROOT": str(tmp_path / "fresh-media")}
        manage(live, "collectstatic", "--noinput")
        manage(live, "migrate", "--noinput")
        manage(live, "seed_demo")
        before = site({**live, "ADD_MEDIA": "1"})
        assert before["media"] == "kept by the backup"
        assert all(status == 200 for status, _html in before["pages"].values())

        manage(live, "backup", str(tmp_path / "backup"))
        manage(fresh, "restore", str(tmp_path / "backup"))
        after = site(fresh)

    summary = json.loads((tmp_path / "backup" / "backup.json").read_text())
    assert summary["engine"] == connection.vendor and summary["media_files"] >= 1
    assert after["media"] == before["media"]
    for path, (status, html) in before["pages"].items():
        changed = [
            line
            for line in difflib.unified_diff(
                html.splitlines(), after["pages"][path][1].splitlines(), lineterm=""
            )
            if line[:1] in "+-"
        ]
        assert (after["pages"][path][0], changed[:6]) == (status, []), path


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path))
