"""Posts imported before `Post.guid` existed get the GUID their feed item already had: the
first non-empty one of their WordPress ids, in id order."""

from django.db import migrations


def copy_guids(apps, schema_editor) -> None:
    LegacyPostId = apps.get_model("wordpress", "LegacyPostId")
    Post = apps.get_model("articles", "Post")
    guids: dict[int, str] = {}
    for post_id, guid in (
        LegacyPostId.objects.exclude(guid="").order_by("wp_id").values_list("post_id", "guid")
    ):
        guids.setdefault(post_id, guid)
    Post.objects.bulk_update(
        [Post(pk=pk, guid=guid) for pk, guid in guids.items()], ["guid"], batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_post_guid"),
        ("wordpress", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_guids, migrations.RunPython.noop, elidable=True),
    ]
