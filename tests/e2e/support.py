"""Constants and helpers shared by the browser tests."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
NODE_MODULES = ROOT / "node_modules"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
CHROMIUM_ARGS = [
    "--no-sandbox",  # the suite runs as root in CI
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def node_tool(relative: str) -> Path:
    """A file from node_modules (installed by `make test` with npm ci): skip without it
    on a developer's machine, fail in CI where it must be there."""
    path = NODE_MODULES / relative
    if not path.exists():
        missing_tool(f"{path}: run `npm ci --ignore-scripts` (make test does)")
    return path


def missing_tool(what: str) -> NoReturn:
    message = f"missing {what}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def seed_demo() -> None:
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
