from django.db import migrations


class Migration(migrations.Migration):
    """LegacyPostId now belongs to the wordpress app, which takes over its table."""

    dependencies = [
        ("redirects", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="LegacyPostId")],
        ),
    ]
