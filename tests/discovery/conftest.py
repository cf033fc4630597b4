import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The builders create many users; a slow hasher only slows the suite down here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
