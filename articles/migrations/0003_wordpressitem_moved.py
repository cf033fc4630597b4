from django.db import migrations


class Migration(migrations.Migration):
    """WordPressItem now belongs to the wordpress app, which takes over its table."""

    dependencies = [
        ("articles", "0002_wordpressitem"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="WordPressItem")],
        ),
    ]
