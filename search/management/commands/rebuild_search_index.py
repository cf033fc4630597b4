from django.core.management.base import BaseCommand
from django.db import transaction

from search.indexing import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search text of every post (after bulk changes that bypass signals)."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            count = reindex_all()
        self.stdout.write(f"Indexed {count} posts.")
