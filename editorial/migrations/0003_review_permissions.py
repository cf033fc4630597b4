"""Give the roles their part in the review: Editors decide on submissions, Editors and Medical
reviewers see the review queue. Written out here, like the roles themselves."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADDED = {
    "Editor": ["review_post", "view_submission"],
    "Medical reviewer": ["view_submission"],
}


def _permissions(apps, codenames):
    app_config = apps.get_app_config("editorial")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="editorial", codename__in=codenames)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in ADDED.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in ADDED.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_submissions_and_draft_changes")]

    operations = [migrations.RunPython(grant, revoke)]
