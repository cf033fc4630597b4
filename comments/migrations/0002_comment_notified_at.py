from django.db import migrations, models


def mark_existing_as_told(apps, schema_editor):
    """Comments approved before notifications followed the status were told already (or were
    imported): approving them again must not email anyone."""
    Comment = apps.get_model("comments", "Comment")
    Comment.objects.filter(status="approved", notified_at=None).update(
        notified_at=models.F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="notified_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the post's author and the replied-to commenter were told of "
                "this comment: once, on its first approval (imported and demo comments count "
                "as told).",
                null=True,
            ),
        ),
        migrations.RunPython(mark_existing_as_told, migrations.RunPython.noop),
    ]
