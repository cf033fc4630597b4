from django.core.management.base import BaseCommand, CommandParser

from comments.privacy import erase


class Command(BaseCommand):
    help = (
        "Anonymise every comment sent with the given email address: the name becomes "
        "“Anonymous”; email, website, IP address and user agent are removed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument(
            "--remove-body",
            action="store_true",
            help="Also replace the text of the comments with a removal note.",
        )

    def handle(self, *args, email: str, remove_body: bool = False, **options) -> None:
        count = erase(email, remove_body=remove_body)
        self.stdout.write(f"Anonymised {count} comment(s).")
