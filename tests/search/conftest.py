import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The builders make an author per post; hashing their passwords slowly tests nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
