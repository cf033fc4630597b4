from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Delete old versions of posts, pages and procedures: each object keeps its newest "
        "VERSIONS_KEEP versions, and older ones go once they are VERSIONS_MAX_AGE_DAYS old "
        "(0: whatever their age)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--keep", type=int, default=settings.VERSIONS_KEEP)
        parser.add_argument("--days", type=int, default=settings.VERSIONS_MAX_AGE_DAYS)

    def handle(self, *args, keep: int, days: int, verbosity: int, **options) -> None:
        # django-reversion's own command does the work: a version of a post is one revision
        # with its references, deleted whole.
        call_command(
            "deleterevisions",
            "articles",
            keep=keep,
            days=days,
            verbosity=verbosity,
            stdout=self.stdout,
        )
