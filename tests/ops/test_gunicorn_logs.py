"""gunicorn in production mode writes one JSON access line per request, with the id that the
app sends back and logs its own lines with."""

import json
import os
import time
import urllib.request

import pytest

from tests.servers import gunicorn, manage


@pytest.mark.once
def test_access_and_app_lines_are_json_with_the_same_request_id(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DEBUG": "0",
        "SECRET_KEY": "log-test-key-" + "j4" * 24,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "GUNICORN_WORKERS": "1",
    }
    manage(env, "migrate", "--noinput")
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, log, probe="/healthz") as base:
        request = urllib.request.Request(base + "/healthz", headers={"X-Request-ID": "edge-42"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["X-Request-ID"] == "edge-42"
        time.sleep(0.5)  # let the access line reach the file

    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    ours = [line for line in lines if line.get("request_id") == "edge-42"]
    by_logger = {line["logger"]: line for line in ours}
    assert set(by_logger) == {"gunicorn.access", "cosmediclist.request"}
    for line in by_logger.values():
        assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
        assert line["duration_ms"] >= 0
