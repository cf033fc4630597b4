"""Medical reviewers sign off (and see the sign-offs); Editors see the sign-offs and the
reminders sent. Written out here, not imported: a later change to a role is another migration."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Medical reviewer": ["add_signoff", "view_signoff"],
    "Editor": ["view_signoff", "view_reminderlog"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="medical", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="medical", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("medical", "0002_signoffs_from_review_fields"),
        ("editorial", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
