from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from comments.privacy import purge_ips


class Command(BaseCommand):
    help = "Remove IP addresses and user agents from comments older than the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days (default: the COMMENTS_IP_RETENTION_DAYS setting, 30).",
        )

    def handle(self, *args, days: int | None = None, **options) -> None:
        days = settings.COMMENTS_IP_RETENTION_DAYS if days is None else days
        count = purge_ips(days)
        self.stdout.write(f"Removed IP addresses from {count} comment(s) older than {days} days.")
