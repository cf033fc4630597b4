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
WORDPRESS = "http://127.0.0.1:8081"
STATIC_ROOT = ROOT / "staticfiles"
WP_PAGES = {"wp post": POST, "wp home": "/", "wp category": "/category/skin-treatments/"}


def seed(ceiling_path: Path, bypass: str) -> None:
    """Runs inside Django (`bench.py --seed`): the content, then facts about the cold page."""
    import django

    django.setup()
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
    with CaptureQueriesContext(connection) as queries:
        plain = client.get(POST, headers=headers)
    compressed = client.get(POST, headers={**headers, "accept-encoding": "br, gzip"})
    ceiling_path.parent.mkdir(parents=True, exist_ok=True)
    ceiling_path.write_bytes(b"x" * len(plain.content))
    print(f"FACTS {len(queries)} {len(plain.content)} {len(compressed.content)}")


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


def workers_cpu(master: int) -> float:
    """Seconds of CPU used so far by gunicorn's workers (and the master)."""
    tick = os.sysconf("SC_CLK_TCK")
    pids = [master]
    children = Path(f"/proc/{master}/task/{master}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wrk(url: str, args, headers: dict[str, str]) -> dict[str, float]:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    command += ["--latency", "--timeout", "5s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

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
    queries, plain_bytes, compressed_bytes = map(int, facts.split("FACTS")[1].split())

    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "cosmediclist.wsgi",
            "-c",
            "gunicorn.conf.py",
            "--max-requests",
            "0",  # a recycled worker would take its CPU time with it
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if answers(base + POST):
                break
            time.sleep(0.2)
        pages = dict(PAGES)
        wordpress = answers(WORDPRESS + POST)
        targets = {name: base + path for name, path in pages.items()}
        if wordpress:
            targets |= {name: WORDPRESS + path for name, path in WP_PAGES.items()}
        results: dict[str, list[dict]] = {name: [] for name in targets}
        for round_ in range(args.rounds):
            for name, url in targets.items():
                headers = {"Accept-Encoding": "br, gzip"}
                if name == "post cold":
                    headers["X-Page-Cache-Bypass"] = bypass
                before = workers_cpu(server.pid)
                figures = wrk(url, args, headers)
                figures["cpu"] = (
                    (workers_cpu(server.pid) - before) / max(figures["requests"], 1) * 1000
                )
                results[name].append(figures)
                print(f"round {round_ + 1} {name}: {figures['rate']:.0f} req/s", file=sys.stderr)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    report(results, queries, plain_bytes, compressed_bytes, args, wordpress)
    return 0


def report(results, queries, plain_bytes, compressed_bytes, args, wordpress) -> None:
    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    print(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
        f"{args.rounds} alternating rounds, medians (range of req/s)\n"
    )
    print("| page | req/s | range | p50 ms | p99 ms | server CPU ms/req |")
    print("|---|---|---|---|---|---|")
    for name, rounds in results.items():
        rates = [r["rate"] for r in rounds]
        cpu = "—" if name.startswith("wp ") else f"{median(name, 'cpu'):.2f}"
        print(
            f"| {name} | {median(name, 'rate'):.0f} | {min(rates):.0f}–{max(rates):.0f} "
            f"| {median(name, 'p50'):.2f} | {median(name, 'p99'):.2f} | {cpu} |"
        )
    print(f"\nSQL queries per cold post page: {queries}")
    print(f"post page weight: {plain_bytes} bytes, {compressed_bytes} bytes compressed (Brotli)")
    ceiling = median("static ceiling", "rate")
    print(f"warm / ceiling: {median('post warm', 'rate') / ceiling:.0%}")
    print(f"cold / ceiling: {median('post cold', 'rate') / ceiling:.1%}")
    if wordpress:
        print(f"cold / WordPress: {median('post cold', 'rate') / median('wp post', 'rate'):.1f}×")
    else:
        print(f"cold / WordPress: no WordPress answered on {WORDPRESS}")


if __name__ == "__main__":
    sys.exit(main())
