from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from .authors import ensure_profile

        post_save.connect(ensure_profile, sender=settings.AUTH_USER_MODEL, dispatch_uid="author")
