"""Password guessing on the real admin login is locked out per account and address."""

import datetime
import logging
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import clear_url_caches
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True
    )


def _login(client: Client, password: str, ip: str = "198.51.100.50", username: str = "editor"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def _guess(client, times: int, **kwargs) -> list[int]:
    return [_login(client, f"guess {n}", **kwargs).status_code for n in range(times)]


def test_the_right_password_after_five_wrong_ones_is_refused_with_a_clear_page(
    client, editor, caplog
):
    with caplog.at_level(logging.WARNING, logger="axes"):
        statuses = _guess(client, 5)
        response = _login(client, PASSWORD)

    assert statuses[:4] == [HTTPStatus.OK] * 4  # the login form again, with an error
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    page = response.content.decode()
    assert "Sign-in temporarily locked" in page
    assert "5 wrong passwords" in page and "15 minutes" in page
    assert "_auth_user_id" not in client.session
    assert any("Locking out" in r.getMessage() for r in caplog.records)


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(client, editor):
    _guess(client, 4)

    response = _login(client, PASSWORD)

    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lock_is_per_account_and_address(client, editor):
    _guess(client, 5)

    from_elsewhere = _login(Client(), PASSWORD, ip="203.0.113.77")

    assert from_elsewhere.status_code == HTTPStatus.FOUND


def test_the_lock_ends_after_the_cool_off(client, editor):
    _guess(client, 5)

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response = _login(client, PASSWORD)

    assert response.status_code == HTTPStatus.FOUND


def test_the_unlock_command_lets_the_account_in_again(client, editor):
    _guess(client, 5)
    assert _login(client, PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS

    call_command("axes_reset_username", "editor")

    assert _login(client, PASSWORD).status_code == HTTPStatus.FOUND


def test_the_admin_can_move_to_another_address(client, editor, settings):
    settings.ADMIN_URL = "office-7f3a/"
    clear_url_caches()
    import importlib

    from cosmediclist import urls

    importlib.reload(urls)
    try:
        assert client.get("/admin/").status_code == HTTPStatus.NOT_FOUND
        assert client.get("/office-7f3a/login/").status_code == HTTPStatus.OK
        assert "office-7f3a" not in client.get("/robots.txt").content.decode()
    finally:
        settings.ADMIN_URL = "admin/"
        importlib.reload(urls)
        clear_url_caches()
