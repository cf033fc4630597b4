import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest

from demo.management.commands.demo_admin import demo_username
from editorial.roles import ROLES

pytestmark = pytest.mark.django_db


def run_demo_admin(*args: str) -> str:
    out = io.StringIO()
    call_command("demo_admin", *args, stdout=out)
    return out.getvalue()


def test_demo_admin_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="demo_admin only runs with DEBUG=1"):
        run_demo_admin()

    assert not get_user_model().objects.filter(username="admin").exists()


def test_demo_admin_prints_a_fresh_password_that_opens_the_admin(client, settings):
    settings.DEBUG = True

    first = run_demo_admin("--url", "http://127.0.0.1:8123/admin/")
    second = run_demo_admin("--url", "http://127.0.0.1:8123/admin/")

    pattern = r"Admin: http://127\.0\.0\.1:8123/admin/  user: admin  password: (\S+)\n"
    old, new = (re.search(pattern, output).group(1) for output in (first, second))
    assert old != new
    assert "new passwords are made each time `make run` starts" in second
    user = get_user_model().objects.get(username="admin")
    assert user.is_staff and user.is_superuser and user.is_active
    # The login protection counts failures per request, so the login says which one it is.
    assert not client.login(request=HttpRequest(), username="admin", password=old)
    assert client.login(request=HttpRequest(), username="admin", password=new)


def test_demo_admin_makes_one_user_per_role_each_in_its_group(client, settings):
    settings.DEBUG = True

    run_demo_admin()
    output = run_demo_admin()

    for role in ROLES:
        username = demo_username(role)
        password = re.search(rf"{role}: user: {username}  password: (\S+)\n", output).group(1)
        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.is_staff and not user.is_superuser
        assert client.login(request=HttpRequest(), username=username, password=password)
    assert get_user_model().objects.filter(username__startswith="demo-").count() == len(ROLES)
