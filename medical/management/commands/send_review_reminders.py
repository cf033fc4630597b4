from django.conf import settings
from django.core.management.base import BaseCommand

from medical.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email each medical reviewer the posts whose review is overdue (at most once a week "
        "per reviewer, never when nothing is due). Run it daily."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--site-url", default="", help="Base of the links in the emails (default: SITE_URL)."
        )

    def handle(self, *args, **options) -> None:
        outcome = send_reminders(base_url=options["site_url"].rstrip("/") or settings.SITE_URL)
        self.stdout.write(
            f"Reminders sent: {len(outcome.sent)}; "
            f"not yet due again (sent within a week): {len(outcome.skipped_recent)}."
        )
