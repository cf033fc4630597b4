from django.db import migrations


class Migration(migrations.Migration):
    """BodyImage now belongs to the images app, which takes over its table as it is."""

    dependencies = [
        ("articles", "0011_public_list_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="BodyImage")],
        ),
    ]
