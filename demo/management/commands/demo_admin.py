"""For local trials only: make sure a superuser `admin` and one user per editorial role exist,
and print a fresh password for each."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from articles.models import Reviewer
from editorial.roles import MEDICAL_REVIEWER, ROLES


def demo_username(role: str) -> str:
    """`demo-contributor`, `demo-medical-reviewer`, …"""
    return "demo-" + role.lower().replace(" ", "-")


class Command(BaseCommand):
    help = (
        "Create or reset the local demo superuser 'admin' and one demo user per editorial role, "
        "and print their passwords (DEBUG only)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="Where it runs.")

    def _reset(self, username: str, **flags) -> str:
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@localhost"}
        )
        password = secrets.token_urlsafe(12)
        for name, value in flags.items():
            setattr(user, name, value)
        user.is_staff = user.is_active = True
        user.set_password(password)
        user.save()
        self._user = user
        return password

    def _link_reviewer(self, user) -> None:
        """The demo medical reviewer signs off as the first demo reviewer without an account."""
        if Reviewer.objects.filter(user=user).exists():
            return
        reviewer = Reviewer.objects.filter(user__isnull=True).order_by("pk").first()
        if reviewer is not None:
            reviewer.user = user
            reviewer.save(update_fields=["user"])

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("demo_admin only runs with DEBUG=1; use createsuperuser instead.")
        password = self._reset("admin", is_superuser=True)
        lines = [f"\nAdmin: {options['url']}  user: admin  password: {password}"]
        for role in ROLES:
            username = demo_username(role)
            password = self._reset(username, is_superuser=False)
            self._user.groups.set([Group.objects.get(name=role)])
            if role == MEDICAL_REVIEWER:
                self._link_reviewer(self._user)
            lines.append(f"{role}: user: {username}  password: {password}")
        lines.append("(new passwords are made each time `make run` starts)\n")
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
