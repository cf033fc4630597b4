"""PgBouncer and HAProxy on loopback for the tests of several app servers, from Debian's
packages, with the settings of deploy/ (HAProxy runs deploy/haproxy.cfg itself)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from tests.servers import ROOT, PostgresCluster, free_port, need_binary, wait_for_port


@contextmanager
def pgbouncer(cluster: PostgresCluster) -> Iterator[str]:
    """PgBouncer in transaction mode in front of the cluster; yields its DATABASE_URL."""
    binary = need_binary("pgbouncer", "pgbouncer")
    folder = cluster.folder / "pgbouncer"  # readable by the server's user
    folder.mkdir()
    port = free_port()
    (folder / "userlist.txt").write_text('"postgres" ""\n')
    (folder / "pgbouncer.ini").write_text(
        f"[databases]\ncosmediclist = host=127.0.0.1 port={cluster.port} dbname=cosmediclist\n"
        f"[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder / 'userlist.txt'}\npool_mode = transaction\n"
        "max_client_conn = 200\ndefault_pool_size = 10\nserver_reset_query =\n"
        "ignore_startup_parameters = extra_float_digits,options\n"
        f"logfile = {folder / 'pgbouncer.log'}\n"
    )
    as_user = []
    if os.geteuid() == 0:  # PgBouncer refuses to run as root
        shutil.chown(folder, "postgres", "postgres")
        for item in folder.iterdir():
            shutil.chown(item, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    process = subprocess.Popen(
        [*as_user, binary, str(folder / "pgbouncer.ini")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process, "pgbouncer")
        yield f"postgres://postgres@127.0.0.1:{port}/cosmediclist"
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def haproxy(app_servers: list[str], host: str = "127.0.0.1") -> Iterator[str]:
    """HAProxy with deploy/haproxy.cfg in front of two app servers; yields its base URL."""
    binary = need_binary("haproxy", "haproxy")
    port = free_port()
    env = {
        **os.environ,
        "HAPROXY_BIND": f"127.0.0.1:{port}",
        "SITE_HOST": host,
        "APP1": app_servers[0].removeprefix("http://"),
        "APP2": app_servers[1].removeprefix("http://"),
    }
    process = subprocess.Popen(
        [binary, "-db", "-f", str(ROOT / "deploy" / "haproxy.cfg")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process, "haproxy")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)
