from django.conf import settings
from django.core.management.base import BaseCommand

from editing.versions import prune


class Command(BaseCommand):
    help = (
        "Delete old versions of posts, pages and procedures: each object keeps its newest "
        "VERSIONS_KEEP versions, and older ones go once they are VERSIONS_MAX_AGE_DAYS old "
        "(0: whatever their age). Versions that draft changes or medical sign-offs point at stay."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--keep", type=int, default=settings.VERSIONS_KEEP)
        parser.add_argument("--days", type=int, default=settings.VERSIONS_MAX_AGE_DAYS)

    def handle(self, *args, keep: int, days: int, verbosity: int, **options) -> None:
        # A version of a post is one revision with its references, deleted whole; versions
        # that draft changes or sign-offs point at are kept (`versions.prune`).
        prune(keep, days, self.stdout.write if verbosity >= 1 else None)
