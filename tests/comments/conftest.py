import pytest
from django.test import Client


@pytest.fixture
def django_app_client() -> Client:
    """A second, unrelated browser (with Django's CSRF checks on, as real browsers face)."""
    return Client(enforce_csrf_checks=True)
