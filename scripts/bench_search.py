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

PROCEDURES = {
    "Microneedling": ["collagen induction therapy", "CIT", "skin needling"],
    "PRP": ["platelet-rich plasma", "vampire facial", "PRP therapy"],
    "Chemical peel": ["skin peel", "chemexfoliation", "acid peel"],
    "Dermal fillers": ["hyaluronic acid fillers", "soft tissue fillers", "lip fillers"],
    "Laser resurfacing": ["fractional laser", "ablative laser", "CO2 laser"],
    "Anti-wrinkle injections": ["botulinum toxin", "Botox", "tox"],
    "IPL": ["intense pulsed light", "photofacial", "photorejuvenation"],
    "Dermaplaning": ["blade exfoliation", "facial planing"],
    "Microdermabrasion": ["crystal microdermabrasion", "diamond peel"],
    "Radiofrequency tightening": ["RF microneedling", "Morpheus8", "skin tightening"],
    "HydraFacial": ["hydradermabrasion", "aqua peel"],
    "Cryolipolysis": ["fat freezing", "CoolSculpting"],
    "Thread lift": ["PDO threads", "suture lift"],
    "Tattoo removal": ["Q-switched laser", "picosecond laser", "PicoSure"],
    "LED therapy": ["light therapy", "photobiomodulation"],
    "Sclerotherapy": ["spider vein treatment", "vein injections"],
}
CATEGORIES = [
    "Skin Treatments",
    "Acne & Scarring",
    "Anti-ageing",
    "Injectables",
    "Body Contouring",
    "Aftercare & Safety",
    "Costs & Clinics",
    "Pigmentation",
    "Lasers & Light",
    "Myths & Evidence",
]
CONCERNS = [
    "acne scars", "boxcar scars", "rolling scars", "ice-pick scars", "fine lines", "wrinkles",
    "crow's feet", "melasma", "hyperpigmentation", "age spots", "sun damage", "rosacea",
    "redness", "enlarged pores", "loose skin", "sagging jowls", "stretch marks",
    "uneven texture", "dull skin", "dark circles", "thin lips", "volume loss", "a double chin",
    "spider veins", "an unwanted tattoo", "frown lines", "surgical scars", "oily skin",
]  # fmt: skip
AREAS = [
    "face", "cheeks", "forehead", "neck", "décolletage", "hands", "under-eye area", "jawline",
    "lips", "abdomen", "thighs", "upper arms", "chin", "temples",
]  # fmt: skip
SKINS = [
    "fair skin", "olive skin", "darker skin tones", "sensitive skin", "oily skin", "dry skin",
    "mature skin", "acne-prone skin",
]  # fmt: skip
SIDE_EFFECTS = [
    "redness", "swelling", "bruising", "tenderness", "pinpoint bleeding", "flaking", "itching",
    "tightness", "mild burning", "temporary darkening",
]  # fmt: skip
RARE = ["infection", "scarring", "cold sore flare-ups", "lasting pigment change", "allergy"]
PEOPLE = ["dermatologist", "aesthetic nurse", "plastic surgeon", "GP", "skin therapist"]
TITLES = [
    "Does {proc} improve {concern}?",
    "{proc} for {concern}: what to expect",
    "{proc} vs {proc2} for {concern}",
    "How many {proc} sessions will I need for {concern}?",
    "{proc} on {skin}: risks and results",
    "Aftercare after {proc}: the first {n} days",
    "What does {proc} cost in {year}?",
    "Is {proc} safe for {skin}?",
    "Treating {concern} on the {area}: options compared",
    "{proc} myths, checked against the evidence",
    "Preparing for your first {proc} appointment",
    "Combining {proc} and {proc2}: when it makes sense",
]
SENTENCES = [
    "{proc} is often offered for {concern} on the {area}.",
    "Most people need {n} to {m} sessions, spaced about {w} weeks apart.",
    "Downtime after {proc} is usually {downtime}.",
    "A {person} may combine {proc} with {proc2} when {concern} is stubborn.",
    "People with {skin} should ask about the risk of post-inflammatory hyperpigmentation.",
    "A patch test shows how {skin} is likely to respond before a full treatment.",
    "Results build gradually as new collagen forms over the following {n} months.",
    "Daily broad-spectrum sunscreen of SPF {spf} or more protects the healing skin.",
    "Prices vary between clinics, typically £{a} to £{b} per session in {year}.",
    "Common side effects include {side}, {side2} and, less often, {rare}.",
    "Stop retinoids and exfoliating acids {n} days before the appointment.",
    "Small clinical studies suggest {proc} improves {concern} by a modest margin.",
    "The {person} will ask about medication, pregnancy and any history of {rare}.",
    "Numbing cream is applied for around {t} minutes before {proc} begins.",
    "Makeup can usually be worn again after {n} days, once {side} has settled.",
    "Expectations matter: {proc} softens {concern} rather than erasing it.",
    "Choose a clinic where a qualified {person} carries out or supervises {proc}.",
    "Home devices for {concern} are gentler and slower than clinic {proc}.",
    "Photographs taken before each session make progress on the {area} easier to judge.",
    "If {side} lasts longer than a week, contact the clinic that treated you.",
    "Hydrating serums and a bland moisturiser help the skin barrier recover.",
    "Smoking and heavy sun exposure slow healing and blunt the results of {proc}.",
    "Maintenance sessions every {n} to {m} months keep the improvement going.",
    "{proc2} can be an alternative when {proc} is not suitable for {skin}.",
]
HEADINGS = [
    "How {proc} works", "Who is a good candidate?", "What the evidence says",
    "Risks and side effects", "Recovery and aftercare", "Cost", "Results over time",
    "Questions to ask your clinic", "Alternatives to {proc}",
]  # fmt: skip
DOWNTIMES = ["none at all", "a day or two of redness", "about 48 hours of mild swelling",
             "up to a week of peeling", "one to two weeks"]  # fmt: skip


def pick(rng: random.Random, items: list[str]) -> str:
    """Skewed choice (Zipf): a few items are common, most are rare, as in real writing."""
    return rng.choices(items, weights=[1 / rank for rank in range(1, len(items) + 1)])[0]


def fill(rng: random.Random, template: str, proc: str, concern: str) -> str:
    others = [name for name in PROCEDURES if name != proc]
    n = rng.randint(1, 6)
    return template.format(
        proc=proc,
        proc2=rng.choice(others),
        concern=concern if rng.random() < 0.6 else pick(rng, CONCERNS),
        area=pick(rng, AREAS),
        skin=pick(rng, SKINS),
        person=rng.choice(PEOPLE),
        downtime=rng.choice(DOWNTIMES),
        side=rng.choice(SIDE_EFFECTS),
        side2=rng.choice(SIDE_EFFECTS),
        rare=rng.choice(RARE),
        n=n,
        m=n + rng.randint(1, 4),
        w=rng.choice([2, 3, 4, 6]),
        t=rng.choice([20, 30, 45]),
        spf=rng.choice([30, 50]),
        a=rng.choice([90, 150, 200, 250]),
        b=rng.choice([300, 450, 600, 900]),
        year=rng.choice([2023, 2024, 2025, 2026]),
    )


def make_post_text(rng: random.Random, proc: str) -> tuple[str, str, str]:
    concern = pick(rng, CONCERNS)
    title = fill(rng, rng.choice(TITLES), proc, concern)
    title = title[0].upper() + title[1:]
    excerpt = " ".join(fill(rng, rng.choice(SENTENCES), proc, concern) for _ in range(2))
    parts = []
    for _section in range(rng.randint(3, 6)):
        parts.append(f"<h2>{fill(rng, rng.choice(HEADINGS), proc, concern)}</h2>")
        for _paragraph in range(rng.randint(1, 3)):
            sentences = (
                fill(rng, rng.choice(SENTENCES), proc, concern) for _ in range(rng.randint(2, 5))
            )
            parts.append(f"<p>{' '.join(sentences)}</p>")
    return title, excerpt, "\n".join(parts)


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
