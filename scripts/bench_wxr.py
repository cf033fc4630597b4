#!/usr/bin/env python
"""Benchmark the WXR importer: generate an export with 10,000 posts and 100,000 comments,
import it into a fresh database and print the import time and peak memory.

    .venv/bin/python scripts/bench_wxr.py [--posts N] [--comments-per-post N] [--tracemalloc]

Uses a throwaway SQLite database unless DATABASE_URL is set (then that database must be
empty and is used as is). Peak memory is the process's maximum resident set size; with
--tracemalloc the peak of Python allocations during the import is printed too (slower).
"""

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAGRAPH = (
    "Microneedling uses fine needles to make tiny channels in the skin, which prompts the body "
    "to make new collagen. Most people need a course of sessions about a month apart.\n"
)


def write_export(path: Path, posts: int, comments_per_post: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
          'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
          "<title>Bench</title><wp:wxr_version>1.2</wp:wxr_version>"
          "<wp:base_site_url>https://bench.example</wp:base_site_url>\n")  # fmt: skip
        for a in range(5):
            w(f"<wp:author><wp:author_id>{a + 1}</wp:author_id><wp:author_login>writer{a}"
              f"</wp:author_login><wp:author_email>writer{a}@bench.example</wp:author_email>"
              "</wp:author>\n")  # fmt: skip
        for c in range(20):
            w(f"<wp:category><wp:term_id>{c + 1}</wp:term_id><wp:category_nicename>topic-{c}"
              f"</wp:category_nicename><wp:category_parent></wp:category_parent>"
              f"<wp:cat_name>Topic {c}</wp:cat_name></wp:category>\n")  # fmt: skip
        comment_id = 0
        for p in range(1, posts + 1):
            body = f"{PARAGRAPH}\n{PARAGRAPH}\n{PARAGRAPH}".replace("Microneedling", f"Post {p}")
            w(f"<item><title>Post number {p}</title><link>https://bench.example/post-{p}/</link>"
              f"<dc:creator>writer{p % 5}</dc:creator>"
              f"<content:encoded><![CDATA[{body}]]></content:encoded>"
              f"<excerpt:encoded><![CDATA[Excerpt {p}]]></excerpt:encoded>"
              f"<wp:post_id>{p}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00"
              f"</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>"
              f"<wp:post_name>post-{p}</wp:post_name><wp:status>publish</wp:status>"
              f"<wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>"
              f'<category domain="category" nicename="topic-{p % 20}">Topic {p % 20}</category>'
              f'<category domain="post_tag" nicename="tag-{p % 50}">'
              f"tag {p % 50}</category>\n")  # fmt: skip
            first = comment_id + 1
            for n in range(comments_per_post):
                comment_id += 1
                parent = first if n % 3 == 2 else 0
                w(f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                  f"<wp:comment_author>Reader {n}</wp:comment_author>"
                  f"<wp:comment_author_email>reader{n}@mail.example</wp:comment_author_email>"
                  f"<wp:comment_author_IP>192.0.2.{n % 250}</wp:comment_author_IP>"
                  f"<wp:comment_date_gmt>2024-01-02 10:00:00</wp:comment_date_gmt>"
                  f"<wp:comment_content><![CDATA[Thanks, comment {n} on post {p}.]]>"
                  f"</wp:comment_content><wp:comment_approved>{1 if n % 4 else 0}"
                  f"</wp:comment_approved><wp:comment_type>comment</wp:comment_type>"
                  f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n")  # fmt: skip
            w("</item>\n")
        w("</channel>\n</rss>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments-per-post", type=int, default=10)
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-wxr-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{work / 'bench.sqlite3'}")
    os.environ.setdefault("DEBUG", "1")
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cosmediclist.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from wordpress.importer import Importer

    export = work / "bench.xml"
    started = time.perf_counter()
    write_export(export, args.posts, args.comments_per_post)
    size = export.stat().st_size
    print(f"generated {export} ({size / 1e6:.1f} MB, {args.posts:,} posts, "
          f"{args.posts * args.comments_per_post:,} comments) in "
          f"{time.perf_counter() - started:.1f}s")  # fmt: skip
    call_command("migrate", verbosity=0)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if args.tracemalloc:
        import tracemalloc

        tracemalloc.start()
    started = time.perf_counter()
    stats = Importer(export).run()
    elapsed = time.perf_counter() - started
    peak_traced = None
    if args.tracemalloc:
        peak_traced = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(stats.table())
    print()
    print(f"import time:      {elapsed:.1f} s ({args.posts / elapsed:,.0f} posts/s)")
    print(
        f"peak RSS:         {rss_peak:.0f} MB (after migrate, before import: {rss_before:.0f} MB)"
    )
    if peak_traced is not None:
        print(f"peak tracemalloc: {peak_traced:.0f} MB during the import")
    print(f"database:         {os.environ['DATABASE_URL'].split('@')[-1]}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
