import os

import pytest
from django.test import Client


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads into its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Templates resolve static files without a collectstatic manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _jinja2_renders_are_recorded(monkeypatch):
    """Django's test instrumentation only records renders of its own templates: the public
    pages are Jinja2, so their renders send `template_rendered` too. `response.context` and
    `assertTemplateUsed` then work for them as for the admin's templates."""
    from django.template.backends.jinja2 import Template
    from django.test.signals import template_rendered

    render = Template.render

    def recorded(self, context=None, request=None):
        template_rendered.send(sender=self, template=self.template, context=dict(context or {}))
        return render(self, context, request)

    monkeypatch.setattr(Template, "render", recorded)


@pytest.fixture
def staff_client(db, django_user_model):
    """A signed-in superuser's client, separate from the anonymous `client`."""
    client = Client()
    user = django_user_model.objects.create_user(
        "staffer", "staffer@example.com", "a-long-staff-password", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Each test starts with an empty cache, and without the page cache: many tests change rows
    with bulk updates (no signals) to set up a case. tests/pagecache turns it on (`page_cache`)."""
    from django.core.cache import caches

    settings.PAGECACHE_ENABLED = False
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def page_cache(settings):
    settings.PAGECACHE_ENABLED = True


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hashing strength is not under test; the suite creates many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header(config) -> str:
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`@pytest.mark.once` tests (real servers, the browser) run on one database of CI's two.

    CI sets ONCE_SKIP=1 for its SQLite pass: what these tests check does not depend on the
    database engine, and they are the slow part of the suite. A plain `make test` runs them.
    """
    if os.environ.get("ONCE_SKIP") != "1":
        return
    skip = pytest.mark.skip(reason="runs once in CI, on the PostgreSQL pass (ONCE_SKIP=1)")
    for item in items:
        if item.get_closest_marker("once"):
            item.add_marker(skip)
