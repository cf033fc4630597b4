import json

from django.core.management.base import BaseCommand, CommandParser

from comments.privacy import export_data


class Command(BaseCommand):
    help = "Print, as JSON, every comment sent with the given email address."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args, email: str, **options) -> None:
        self.stdout.write(json.dumps(export_data(email), indent=2, ensure_ascii=False))
