from django.apps import AppConfig


class RedirectsConfig(AppConfig):
    name = "redirects"
    verbose_name = "Redirects"

    def ready(self) -> None:
        from . import moves, signals  # noqa: F401
