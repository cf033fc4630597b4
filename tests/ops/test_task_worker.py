"""A real task queue: with TASKS_BACKEND=database, comments are accepted while no worker runs,
and their emails go out, once each, when `manage.py db_worker` starts."""

import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from comments.models import Comment
from tests.builders import make_post
from tests.comments.builders import send_comment
from tests.servers import ROOT, smtp_server

pytestmark = [pytest.mark.once, pytest.mark.django_db(transaction=True)]

COMMENTS = 5


def database_url() -> str:
    config = connection.settings_dict
    return (
        f"postgres://{config['USER']}:{config['PASSWORD'] or ''}@{config['HOST'] or '127.0.0.1'}"
        f":{config['PORT'] or 5432}/{config['NAME']}"
    )


def test_comments_wait_for_the_worker_and_are_mailed_once_it_runs(client, settings, capsys):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process shares the test database: PostgreSQL only")
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MODERATOR_EMAILS = ["moderator@example.org"]
    post = make_post()

    with smtp_server() as (port, inbox):
        answers = [send_comment(client, post).status_code for _ in range(COMMENTS)]
        acknowledged = sum(status in {200, 302, 303} for status in answers)
        stored = Comment.objects.filter(post=post).count()
        queued = DBTaskResult.objects.count()
        assert acknowledged == stored == COMMENTS, answers
        assert queued == COMMENTS and inbox == []  # nothing is sent without a worker

        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "TASKS_BACKEND": "database",
            "MODERATOR_EMAILS": "moderator@example.org",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
        }
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while len(inbox) < COMMENTS and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(1)  # a second chance for any duplicate to arrive
        finally:
            worker.terminate()
            worker.wait(timeout=30)

    with capsys.disabled():
        print(f"\ncomments acknowledged {acknowledged} / stored {stored}; "
              f"tasks queued {queued}; emails sent {len(inbox)}")  # fmt: skip
    assert len(inbox) == COMMENTS
    assert all(rcpt == ["moderator@example.org"] for rcpt, _data in inbox)
    assert {body for _rcpt, body in inbox if b"awaiting moderation" in body} == {
        body for _rcpt, body in inbox
    }
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
