"""Security headers: Permissions-Policy on every page; HSTS subdomains and preload opt-in."""

import pytest

from tests.articles.test_settings import run_manage

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-real-production-key-" + "x9Qz" * 12,
    "ALLOWED_HOSTS": "cosmediclist.example",
}
SHOW_HSTS = (
    "from django.conf import settings as s; "
    "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
)


@pytest.mark.parametrize("path", ["/", "/search/?q=botox", "/no-such-page/"])
def test_every_response_denies_unused_browser_features(client, path):
    response = client.get(path)

    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_hsts_is_sent_without_preload_or_subdomains_by_default(client):
    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000"


def test_hsts_preload_and_subdomains_are_off_unless_asked_for():
    default = run_manage("shell", "-c", SHOW_HSTS, **PRODUCTION)
    opted_in = run_manage(
        "shell",
        "-c",
        SHOW_HSTS,
        SECURE_HSTS_PRELOAD="1",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
        **PRODUCTION,
    )

    assert default.stdout.splitlines()[-1].split() == ["31536000", "False", "False"], default.stderr
    assert opted_in.stdout.splitlines()[-1].split() == ["31536000", "True", "True"], opted_in.stderr


def test_check_deploy_stays_clean_with_preload_opted_in():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECURE_HSTS_PRELOAD="1",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
        **PRODUCTION,
    )

    assert result.returncode == 0, result.stderr + result.stdout
