import pytest
from django.test import Client


@pytest.fixture
def django_app_client() -> Client:
    """A second, unrelated browser (with Django's CSRF checks on, as real browsers face)."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def short_lived_connections():
    """Live-server request threads close their database connection after each request, so
    none is left open (and blocking the test database's removal) when the session ends."""
    from django.db import connections

    config = connections.settings["default"]
    saved = config.get("CONN_MAX_AGE", 0)
    config["CONN_MAX_AGE"] = 0
    yield
    config["CONN_MAX_AGE"] = saved
