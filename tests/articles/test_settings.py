import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

ROOT = Path(django_settings.BASE_DIR)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    ours = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "DATABASE_URL"}
    clean_env = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-real-production-key-" + "x9Qz" * 12,
        ALLOWED_HOSTS="cosmediclist.example",
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be one of"),
        ({"DEBUG": "0"}, "SECRET_KEY must be set"),
        ({"DEBUG": "1", "POSTS_PER_PAGE": "ten"}, "POSTS_PER_PAGE must be a whole number"),
        ({"DEBUG": "1", "SITE_URL": "cosmediclist.example"}, "SITE_URL must be an absolute"),
        ({"DEBUG": "1", "CSRF_TRUSTED_ORIGINS": "example.org"}, "need a scheme"),
    ],
)
def test_malformed_settings_stop_start_up_with_the_variable_named(env, message):
    result = run_manage("check", **env)

    assert result.returncode != 0
    assert message in result.stderr


def test_no_template_is_in_both_languages():
    """The public pages are Jinja2 (jinja2/), the rest Django templates: a name in both
    would be served from whichever engine comes first, and the other copy would rot."""
    from django.template import engines

    def names(folders) -> set[str]:
        return {
            str(path.relative_to(folder))
            for folder in map(Path, folders)
            for path in folder.rglob("*")
            if path.is_file()
        }

    jinja2 = names(engines["jinja2"].template_dirs)
    django = names(engines["django"].template_dirs)
    assert "articles/post_detail.html" in jinja2
    assert "admin/base_site.html" in django
    assert jinja2 & django == set()


def test_public_pages_are_rendered_by_jinja2(client, db):
    import jinja2
    from pytest_django.asserts import assertTemplateUsed

    response = client.get("/")
    assert response.status_code == 200
    assert isinstance(response.templates[0], jinja2.Template)
    assertTemplateUsed(response, "articles/home.html")
