"""Real servers for tests that run the product as production does: gunicorn in a subprocess
and, for the tests that need one to themselves, a PostgreSQL cluster of their own."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict[str, str], *command: str) -> None:
    """Run a management command in a subprocess with these settings; fail the test on error."""
    run = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if run.returncode:
        pytest.fail(f"manage.py {' '.join(command)} failed:\n{run.stdout}\n{run.stderr}")


@contextmanager
def gunicorn(env: dict[str, str], log_path: Path, probe: str = "/probe/") -> Iterator[str]:
    """gunicorn with the project's config and these settings; yields its base URL once it
    answers (any HTTP status counts as an answer; the probe says it came through TLS)."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    base = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cosmediclist.wsgi", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    request = urllib.request.Request(
                        base + probe, headers={"X-Forwarded-Proto": "https"}
                    )
                    urllib.request.urlopen(request, timeout=5).close()
                except urllib.error.HTTPError:
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        pytest.fail("gunicorn did not start: " + log_path.read_text())
                    time.sleep(0.2)
                else:
                    break
            yield base
        finally:
            server.terminate()
            server.wait(timeout=20)


class PostgresCluster:
    """A throwaway PostgreSQL cluster on loopback that a test may stop and start at will."""

    def __init__(self, folder: Path) -> None:
        found = sorted(
            Path("/usr/lib/postgresql").glob("*/bin/initdb"),
            key=lambda path: (
                int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0
            ),
        )
        if os.environ.get("PGBIN"):  # as scripts/with-postgres exports it
            initdb = os.path.join(os.environ["PGBIN"], "initdb")
        elif found:  # the newest Debian server
            initdb = str(found[-1])
        else:
            initdb = shutil.which("initdb")
        if initdb is None:
            if os.environ.get("CI"):
                pytest.fail("PostgreSQL server binaries are missing (the CI script installs them)")
            pytest.skip("PostgreSQL server binaries are not installed")
        self.bin = Path(initdb).parent
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.as_postgres: list[str] = []
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(folder, "postgres", "postgres")
            self.as_postgres = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/cosmediclist"

    def _run(self, tool: str, *args: str) -> None:
        run = subprocess.run(
            [*self.as_postgres, str(self.bin / tool), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if run.returncode:
            raise subprocess.CalledProcessError(run.returncode, run.args, run.stdout, run.stderr)

    def create(self) -> None:
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "cosmediclist")  # fmt: skip

    def start(self) -> None:
        options = f"-k {self.folder} -h 127.0.0.1 -p {self.port} -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options,
                  "-w", "start")  # fmt: skip

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A new cluster in a folder of its own (readable by the server's user), removed after."""
    folder = Path(tempfile.mkdtemp(prefix="cosmediclist-pg-"))
    folder.chmod(0o755)
    try:
        cluster = PostgresCluster(folder)
        cluster.create()
        try:
            yield cluster
        finally:
            with suppress(subprocess.CalledProcessError):  # already stopped by the test
                cluster.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def need_binary(name: str, package: str) -> str:
    """The path of a server binary from Debian; skip without it, but fail in CI."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing (the CI script installs the {package} package)")
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return found


def wait_for_port(port: int, process: subprocess.Popen, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{what} did not start on port {port}")
        time.sleep(0.1)


class RedisServer:
    """A redis-server on loopback, without persistence, that a test may stop and start."""

    def __init__(self, folder: Path) -> None:
        self.binary = need_binary("redis-server", "redis-server")
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, self.process, "redis-server")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@contextmanager
def redis_server(folder: Path) -> Iterator[RedisServer]:
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class _Inbox:
    """aiosmtpd handler keeping each message as the bytes the server received."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # the name aiosmtpd calls
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


@contextmanager
def smtp_server() -> Iterator[tuple[int, list[tuple[list[str], bytes]]]]:
    """A real SMTP server on loopback (aiosmtpd); yields its port and the messages it got."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, inbox.messages
    finally:
        controller.stop()
