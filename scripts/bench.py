"""`make bench`: the post page warm and cold, home, a category, a search and a static file of the
post page's size, through gunicorn with production settings on loopback, measured with wrk.

Not a test: it prints figures and gates nothing. It builds its own database (the one in
DATABASE_URL, e.g. from scripts/with-postgres, or a temporary SQLite file with --sqlite), seeds
the microneedling post with 50 approved threaded comments (22/16/12 by depth) and 5 pending,
plus published posts up to about 35, and alternates three rounds. When a WordPress answers on
127.0.0.1:8081, its same pages are measured in the same rounds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POST = "/does-microneedling-improve-acne-scars/"
PAGES = {
    "post warm": POST,
    "post cold": POST,
    "home": "/",
    "category": "/category/skin-treatments/",
    "search": "/search/?q=microneedling",
    "static ceiling": "/static/bench/ceiling.html",
}
# The pages whose cold (uncached) SQL queries are counted in-process before the run.
COUNTED = {
    "post cold": POST,
    "home": "/",
    "category": "/category/skin-treatments/",
    "search": "/search/?q=microneedling",
}
WORDPRESS = "http://127.0.0.1:8081"
STATIC_ROOT = ROOT / "staticfiles"
ENCODINGS = {"Accept-Encoding": "br, gzip"}
WORKERS = int(os.environ.get("GUNICORN_WORKERS", 0)) or (os.cpu_count() or 1) * 2 + 1
# php-fpm's master: its workers' CPU is WordPress's server CPU (MariaDB's is not counted, as
# PostgreSQL's is not on our side).
PHP_FPM_PIDFILE = Path("/run/php/php8.2-fpm.pid")
WP_PAGES = {"wp post": POST, "wp home": "/", "wp category": "/category/skin-treatments/"}


def seed(ceiling_path: Path, bypass: str) -> None:
    """Runs inside Django (`bench.py --seed`): the content, then facts about the cold page."""
    import django

    django.setup()
    import brotli
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Post
    from comments.models import Comment, CommentStatus
    from tests.builders import make_post

    call_command("seed_demo", verbosity=0)
    post = Post.objects.get(slug=POST.strip("/"))
    post.comments.all().delete()
    text = "How long did the redness last after your second session, and did it help? " * 2

    def comment(n: int, parent=None, status=CommentStatus.APPROVED):
        return Comment.objects.create(
            post=post,
            parent=parent,
            author_name=f"Reader {n}",
            author_email=f"reader{n}@example.net",
            body=f"{text} ({n})",
            status=status,
        )

    tops = [comment(n) for n in range(22)]
    replies = [comment(100 + n, tops[n]) for n in range(16)]
    for n in range(12):
        comment(200 + n, replies[n])
    for n in range(5):
        comment(300 + n, status=CommentStatus.PENDING)
    for n in range(max(0, 35 - Post.objects.published().count())):
        make_post(title=f"Background reading {n}", slug=f"background-reading-{n}")

    client = Client(HTTP_HOST="127.0.0.1")
    headers = {"x-page-cache-bypass": bypass}
    facts = {}
    for name, path in COUNTED.items():
        client.get(path, headers=headers)  # once first: lazily built per-process values
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, headers=headers)
        # Counted here: the next request resets the connection's query log.
        facts[name] = {"queries": len(queries), "status": response.status_code}
    plain = client.get(POST, headers=headers).content
    facts["post bytes"] = len(plain)
    # The ceiling is the page itself as a static file, compressed as the page cache stores it,
    # so WhiteNoise answers the bench's Accept-Encoding with the same encoding and weight.
    ceiling_path.parent.mkdir(parents=True, exist_ok=True)
    ceiling_path.write_bytes(plain)
    Path(f"{ceiling_path}.gz").write_bytes(gzip.compress(plain, compresslevel=6, mtime=0))
    compressed = brotli.compress(plain, quality=9)
    Path(f"{ceiling_path}.br").write_bytes(compressed)
    facts["post bytes br"] = len(compressed)
    print("FACTS " + json.dumps(facts))


def static_is_current() -> bool:
    """collectstatic (compressing every file) takes a minute: skip it when nothing changed."""
    manifest = STATIC_ROOT / "staticfiles.json"
    if not manifest.exists():
        return False
    newest = max(path.stat().st_mtime for path in (ROOT / "static").rglob("*") if path.is_file())
    return manifest.stat().st_mtime > newest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
            return response.status == 200
    except OSError:
        return False


def server_cpu(master: int) -> dict[int, float]:
    """CPU seconds used so far by gunicorn's master and each of its workers, by PID.

    utime + stime + cutime + cstime from /proc/<pid>/stat: every thread of a worker is counted,
    and so is anything a process started and waited for."""
    tick = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    seconds = {}
    for pid in [master, *map(int, children)]:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        # Fields 14-17 of proc(5), counted from 1 with the PID and name before ")".
        seconds[pid] = sum(int(value) for value in fields[11:15]) / tick
    return seconds


def wordpress_master() -> int | None:
    try:
        return int(PHP_FPM_PIDFILE.read_text())
    except (OSError, ValueError):
        return None


def cpu_per_request(
    before: dict[int, float], after: dict[int, float], requests: int, *, same_workers: bool
) -> float:
    """Milliseconds of server CPU per request; with `same_workers`, NaN when a worker came or
    went meanwhile. (php-fpm starts and stops its workers as it likes: an exited worker's time
    moves into the master's cutime/cstime once reaped, so the sums still hold.)"""
    if not requests or (same_workers and before.keys() != after.keys()):
        return float("nan")
    return (sum(after.values()) - sum(before.values())) / requests * 1000


def settle(master: int | None) -> dict[int, float]:
    """The server's CPU times once it is idle: requests wrk gave up on at the end of its run
    are finished (and counted) before the figures are read."""
    if master is None:
        return {}
    last = server_cpu(master)
    for _ in range(120):
        time.sleep(0.25)
        now = server_cpu(master)
        if now.keys() == last.keys() and sum(now.values()) - sum(last.values()) < 0.005:
            return now
        last = now
    return last


def served(log: Path) -> int:
    """Requests gunicorn has answered so far: one access-log line each."""
    with log.open("rb") as lines:
        return sum(1 for _ in lines)


def wrk(url: str, args, headers: dict[str, str]) -> dict[str, float]:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    command += ["--latency", "--timeout", "5s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    done = subprocess.run([*command, url], capture_output=True, text=True, check=False)
    out = done.stdout
    if "requests in" not in out:
        raise RuntimeError(f"wrk failed on {url}: {done.stderr or out}")

    def millis(label: str) -> float:
        match = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not match:
            return float("nan")
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]
        return float(match.group(1)) * scale

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {"rate": rate, "p50": millis("50%"), "p99": millis("99%"), "requests": requests}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="a temporary SQLite database")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--pages",
        help="comma-separated page names to measure (default: all), e.g. 'post cold,wp post'",
    )
    parser.add_argument("--seed", metavar="CEILING", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        seed(Path(args.seed), os.environ["PAGECACHE_BYPASS_TOKEN"])
        return 0
    if shutil.which("wrk") is None:
        print("wrk is missing: installing it", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)

    work = Path(tempfile.mkdtemp(prefix="cosmediclist-bench."))
    bypass = secrets.token_hex(16)
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(STATIC_ROOT),
        "MEDIA_ROOT": str(work / "media"),
        "PAGECACHE_BYPASS_TOKEN": bypass,
        # A recycled worker would take its CPU time with it: no recycling during the bench.
        "GUNICORN_MAX_REQUESTS": "0",
        "GUNICORN_WORKERS": str(WORKERS),
        # The seeded comments notify by email: kept in memory, not sent.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "DJANGO_SETTINGS_MODULE": "cosmediclist.settings",
        "PYTHONPATH": str(ROOT),
    }
    if args.sqlite or not os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    python = sys.executable
    run = {"cwd": ROOT, "env": env, "check": True}
    subprocess.run([python, "manage.py", "migrate", "-v0"], **run)
    if not static_is_current():
        subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], **run)
    ceiling = STATIC_ROOT / "bench" / "ceiling.html"
    facts = subprocess.run(
        [python, __file__, "--seed", str(ceiling)], capture_output=True, text=True, **run
    ).stdout
    facts = json.loads(facts.split("FACTS", 1)[1])

    access_log = work / "access.log"
    access_log.touch()
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "cosmediclist.wsgi",
            "-c",
            "gunicorn.conf.py",
            # One line per answered request: what CPU time is divided by (wrk does not count
            # the requests still in flight when it stops, though the server finishes them).
            "--access-logfile",
            str(access_log),
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    cold_headers = {**ENCODINGS, "X-Page-Cache-Bypass": bypass}
    try:
        for _ in range(300):
            if answers(base + POST) and len(server_cpu(server.pid)) == WORKERS + 1:
                break
            time.sleep(0.2)
        # Every worker loads its code and templates before anything is measured.
        wrk(base + POST, argparse.Namespace(**{**vars(args), "duration": 2}), cold_headers)
        pages = dict(PAGES)
        wordpress = answers(WORDPRESS + POST)
        targets = {name: base + path for name, path in pages.items()}
        if wordpress:
            targets |= {name: WORDPRESS + path for name, path in WP_PAGES.items()}
        if args.pages:
            wanted = {name.strip() for name in args.pages.split(",")}
            targets = {name: url for name, url in targets.items() if name in wanted}
        results: dict[str, list[dict]] = {name: [] for name in targets}
        for round_ in range(args.rounds):
            for name, url in targets.items():
                headers = cold_headers if name == "post cold" else ENCODINGS
                ours = not name.startswith("wp ")
                master = wordpress_master() if name.startswith("wp ") else server.pid
                before = settle(master)
                answered = served(access_log)
                figures = wrk(url, args, headers)
                after = settle(master)
                requests = served(access_log) - answered if ours else figures["requests"]
                if ours and before.keys() != after.keys():
                    print(f"{name}: gunicorn's workers changed during the run", file=sys.stderr)
                figures["cpu"] = cpu_per_request(before, after, requests, same_workers=ours)
                results[name].append(figures)
                print(
                    f"round {round_ + 1} {name}: {figures['rate']:.0f} req/s, "
                    f"{figures['cpu']:.2f} ms CPU/request",
                    file=sys.stderr,
                )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    report(results, facts, args, wordpress)
    return 0


def report(results, facts, args, wordpress) -> None:
    def median(name: str, key: str) -> float:
        values = [r[key] for r in results[name] if r[key] == r[key]]  # NaN: workers changed
        return statistics.median(values) if values else float("nan")

    print(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
        f"{args.rounds} alternating rounds, medians (range of req/s); gunicorn {WORKERS} workers\n"
    )
    print("| page | req/s | range | p50 ms | p99 ms | server CPU ms/req | SQL queries uncached |")
    print("|---|---|---|---|---|---|---|")
    for name, rounds in results.items():
        rates = [r["rate"] for r in rounds]
        queries = facts.get(name, {}).get("queries", "—")
        print(
            f"| {name} | {median(name, 'rate'):.0f} | {min(rates):.0f}–{max(rates):.0f} "
            f"| {median(name, 'p50'):.2f} | {median(name, 'p99'):.2f} "
            f"| {median(name, 'cpu'):.2f} | {queries} |"
        )
    print(
        f"\npost page weight: {facts['post bytes']:,} bytes, "
        f"{facts['post bytes br']:,} bytes compressed (Brotli)"
    )

    def ratio(top: str, bottom: str) -> float:
        if top not in results or bottom not in results:
            return float("nan")
        return median(top, "rate") / median(bottom, "rate")

    print(f"warm / ceiling: {ratio('post warm', 'static ceiling'):.0%}")
    print(f"cold / ceiling: {ratio('post cold', 'static ceiling'):.1%}")
    if wordpress:
        print(f"cold / WordPress: {ratio('post cold', 'wp post'):.1f}×")
    else:
        print(f"cold / WordPress: no WordPress answered on {WORDPRESS}")


if __name__ == "__main__":
    sys.exit(main())
