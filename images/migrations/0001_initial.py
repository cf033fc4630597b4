"""BodyImage (from articles) moves here with its rows.

The model is declared on the table it already has, `articles_bodyimage`, without touching the
database; the table keeps its name (`db_table`). A fresh database gets the table from the
articles migration that made it.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0008_body_images"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="BodyImage",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=255, unique=True, verbose_name="file")),
                        ("width", models.PositiveIntegerField()),
                        ("height", models.PositiveIntegerField()),
                        ("renditions", models.JSONField(blank=True, default=list, help_text="[[width, height, storage name], …], narrowest first.")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "ordering": ["name"],
                        "db_table": "articles_bodyimage",
                    },
                ),
            ],
        ),
    ]
