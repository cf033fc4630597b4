"""Create the four editorial roles with their model permissions.

The permission lists are written out here, not imported, so that this migration keeps meaning
what it meant when it ran: changing a role later is another migration."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ_TOPICS = [
    "articles.view_category", "articles.view_tag", "articles.view_procedure",
    "articles.view_reviewer",
]  # fmt: skip
WRITE_OWN = [
    "articles.add_post", "articles.change_post", "articles.view_post",
    "articles.add_reference", "articles.change_reference", "articles.delete_reference",
    "articles.view_reference", *READ_TOPICS,
]  # fmt: skip


def _all(app_model: str) -> list[str]:
    app, model = app_model.split(".")
    return [f"{app}.{action}_{model}" for action in ("add", "change", "delete", "view")]


ROLES = {
    "Contributor": WRITE_OWN,
    "Author": [*WRITE_OWN, "articles.publish_post", "articles.upload_image"],
    "Editor": [
        *_all("articles.post"), "articles.publish_post", "articles.edit_others_posts",
        "articles.upload_image", *_all("articles.page"), *_all("articles.reference"),
        *_all("articles.category"), *_all("articles.tag"), *_all("articles.procedure"),
        *_all("articles.reviewer"), *_all("redirects.redirect"),
        "comments.change_comment", "comments.delete_comment", "comments.view_comment",
        *_all("comments.moderationterm"),
    ],
    "Medical reviewer": [
        "articles.view_post", "articles.view_page", "articles.view_reference", *READ_TOPICS,
    ],
}  # fmt: skip


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations ran; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for code in codes:
            app_label, codename = code.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0005_trash"),
        ("comments", "0001_initial"),
        ("redirects", "0002_legacypostid_moved"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
