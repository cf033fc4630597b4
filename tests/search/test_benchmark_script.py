"""The search benchmark the README names still runs, on the database of this run, and measures
what it says: our search next to the WordPress-style LIKE baseline."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "bench_search.py"


def test_the_search_benchmark_runs_and_compares_with_the_like_baseline(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # on SQLite its database file goes there
    result = subprocess.run(
        [sys.executable, SCRIPT, "--posts", "60", "--repeat", "2", "--baseline-repeat", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    vendor = (
        "postgresql" if settings.DATABASES["default"]["ENGINE"].endswith("postgresql") else "sqlite"
    )
    assert result.stdout.startswith(f"{vendor} "), result.stdout
    assert "60 posts generated" in result.stdout
    rows = {
        match["query"].strip(): (int(match["matches"]), int(match["like"]))
        for match in re.finditer(
            r"^(?P<query>.{32}) +(?P<matches>\d+) +[\d.]+ms +[\d.]+ms +[\d.]+ms +[\d.]+ms"
            r" +(?P<like>\d+) +[\d.]+ms +[\d.]+ms$",
            result.stdout,
            re.MULTILINE,
        )
    }
    assert len(rows) == 16, result.stdout
    # Aliases are found by our search and not by a LIKE over the post's own text.
    matches, like = rows["collagen induction therapy"]
    assert matches > 0
    assert like == 0
    assert rows["zzyzxunknownword"] == (0, 0)
    assert re.search(r"^all queries +[\d.]+ms", result.stdout, re.MULTILINE)
