"""Search benchmark: generate posts with varied, realistic text, then time a set of searches.

Run by hand, not by the test suite:

    .venv/bin/python scripts/bench_search.py                           # SQLite
    scripts/with-postgres .venv/bin/python scripts/bench_search.py     # PostgreSQL

It never touches the database DATABASE_URL names: on PostgreSQL it creates (and drops first)
a database of its own on the same server, `<name>_bench_search`; on SQLite it uses a file of
its own, `cosmediclist-bench-search.sqlite3` in the temporary folder. For each query it prints
the number of matches and the p50/p95 latency of the search itself (count, one page of ranked
results with snippets and their posts) and of the whole results page through Django.

Beside them, in the same run and on the same posts, it times a baseline: WordPress's way of
searching, an unranked `LIKE '%word%'` over title, excerpt and body for every word (counted,
newest first, one page of posts). The machines this runs on are shared and noisy; compare the
columns of one run rather than figures from different runs.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from itertools import chain
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search_corpus import CATEGORIES, PROCEDURES, make_post_text, pick  # noqa: E402

QUERIES = [
    "microneedling",
    "acne scars",
    "collagen induction therapy",
    '"rolling scars"',
    "laser -ablative",
    "prp or fillers",
    "downtime",
    "melasma darker skin tones",
    "fat freezing thighs",
    "hyaluronic lips",
    "sunscreen after peel",
    "tattoo removal cost",
    "rosacea redness",
    "skin",
    "treatment results",
    "zzyzxunknownword",
]


def bench_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg2

        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/') or 'postgres'}_bench_search"
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        connection = psycopg2.connect(admin_url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()
        return urlunsplit(parts._replace(path=f"/{name}"))
    if url and not url.startswith("sqlite"):
        sys.exit("The benchmark supports PostgreSQL and SQLite.")
    path = Path(tempfile.gettempdir()) / "cosmediclist-bench-search.sqlite3"
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    return f"sqlite:///{path}"


def generate(count: int, seed: int) -> float:
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from django.utils.text import slugify

    from articles.models import Category, Post, Procedure
    from search.indexing import reindex_posts

    rng = random.Random(seed)  # noqa: S311 - made-up text, not secrets
    author = get_user_model().objects.create_user("bench", "bench@example.com", None)
    categories = [
        Category.objects.create(name=name, slug=slugify(name) or f"c{i}")
        for i, name in enumerate(CATEGORIES)
    ]
    procedures = {
        name: Procedure.objects.create(name=name, slug=slugify(name), aliases="\n".join(aliases))
        for name, aliases in PROCEDURES.items()
    }
    names = list(PROCEDURES)
    now = timezone.now()
    posts = []
    for i in range(count):
        proc = pick(rng, names)
        title, excerpt, body = make_post_text(rng, proc)
        roll = rng.random()
        if roll < 0.04:
            published_at = None
        elif roll < 0.07:
            published_at = now + datetime.timedelta(days=rng.randint(1, 60))
        else:
            published_at = now - datetime.timedelta(minutes=rng.randint(60, 6 * 365 * 24 * 60))
        posts.append(
            Post(
                title=title,
                slug=f"{slugify(title)[:180]}-{i}",
                excerpt=excerpt,
                body=body,
                author=author,
                published_at=published_at,
            )
        )
    Post.objects.bulk_create(posts, batch_size=500)
    post_procedures, post_categories = [], []
    for post in posts:
        chosen = {pick(rng, names) for _ in range(rng.randint(1, 2))}
        post_procedures += [
            Post.procedures.through(post_id=post.pk, procedure_id=procedures[name].pk)
            for name in chosen
        ]
        post_categories += [
            Post.categories.through(post_id=post.pk, category_id=category.pk)
            for category in rng.sample(categories, rng.randint(1, 2))
        ]
    Post.procedures.through.objects.bulk_create(post_procedures, batch_size=1000)
    Post.categories.through.objects.bulk_create(post_categories, batch_size=1000)
    started = time.perf_counter()
    reindex_posts(post.pk for post in posts)
    return time.perf_counter() - started


def like_search(query) -> tuple[int, list]:
    """The baseline: every word (or one of an `or` group) somewhere in the title, excerpt or
    body, excluded words nowhere, as WordPress's search does it; newest first."""
    from django.db.models import Q

    from articles.models import Post

    def anywhere(term: str) -> Q:
        return Q(title__icontains=term) | Q(excerpt__icontains=term) | Q(body__icontains=term)

    found = Post.objects.published()
    for group in query.groups:
        either = Q()
        for term in group:
            either |= anywhere(term)
        found = found.filter(either)
    for term in query.excluded:
        found = found.exclude(anywhere(term))
    return found.count(), list(found.for_listing().order_by("-published_at", "-pk")[:10])


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per query")
    parser.add_argument(
        "--baseline-repeat", type=int, default=5, help="timed runs per query of the baseline"
    )
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = bench_database_url()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cosmediclist.settings",
        DEBUG="0",
        SECRET_KEY="bench-only-key-" + "x" * 40,
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.conf import settings

    # Plain static URLs: the benchmark runs without collectstatic's manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    warnings.filterwarnings("ignore", message="No directory at")
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from search.engine import search
    from search.query import parse

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    indexing = generate(args.posts, args.seed)
    version = (
        connection.Database.sqlite_version
        if connection.vendor == "sqlite"
        else f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
    )
    print(
        f"{connection.vendor} {version}, {connection.settings_dict['NAME']}: {args.posts} posts "
        f"generated in {time.perf_counter() - started:.1f} s "
        f"(search index built in {indexing:.1f} s)"
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    client = Client()
    rows = []
    for text in QUERIES:
        query = parse(text)
        for _ in range(3):
            results = search(query)
            results.count(), results[0:10]
        engine, page = [], []
        for _ in range(args.repeat):
            began = time.perf_counter()
            results = search(query)
            matches = results.count()
            results[0:10]
            engine.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            response = client.get("/search/", {"q": text})
            page.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, response.status_code
        rows.append((text, matches, engine, page))
    # The baseline runs after, not between, the timed searches: at hundreds of milliseconds a
    # query it would otherwise leave the machine busier for the searches after it.
    baseline = []
    for text in QUERIES:
        query = parse(text)
        like_search(query)
        like = []
        for _ in range(args.baseline_repeat):
            began = time.perf_counter()
            like_matches, _posts = like_search(query)
            like.append((time.perf_counter() - began) * 1000)
        baseline.append((like_matches, like))

    print(
        f"\n{'query':32} {'matches':>7}  {'search p50':>10} {'p95':>7}  {'page p50':>8} {'p95':>7}"
        f"  {'LIKE matches':>12} {'LIKE p50':>8} {'p95':>7}"
    )
    for (text, matches, engine, page), (like_matches, like) in zip(rows, baseline, strict=True):
        print(
            f"{text:32} {matches:>7}  {summary(engine)}  {summary(page, 6)}"
            f"  {like_matches:>12} {summary(like, 6)}"
        )
    every_engine = list(chain.from_iterable(row[2] for row in rows))
    every_page = list(chain.from_iterable(row[3] for row in rows))
    every_like = list(chain.from_iterable(like for _count, like in baseline))
    print(
        f"{'all queries':32} {'':>7}  {summary(every_engine)}  {summary(every_page, 6)}"
        f"  {'':>12} {summary(every_like, 6)}"
    )


def summary(values: list[float], width: int = 8) -> str:
    """p50 and p95 of a list of milliseconds, as two columns."""
    return f"{statistics.median(values):>{width}.1f}ms {percentile(values, 0.95):>5.1f}ms"


if __name__ == "__main__":
    main()
