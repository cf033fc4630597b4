"""WordPressItem (from articles) and LegacyPostId (from redirects) move here with their rows.

The models are first declared on the tables they already have, without touching the database,
then the tables are renamed to this app's names. A fresh database gets the tables from the two
older migrations and the same renames.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0002_wordpressitem"),
        ("redirects", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WordPressItem",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("source_site", models.CharField(max_length=200)),
                        ("wp_type", models.CharField(choices=[("author", "Author"), ("category", "Category"), ("tag", "Tag"), ("post", "Post"), ("page", "Page"), ("comment", "Comment"), ("file", "Media file")], max_length=10)),
                        ("wp_id", models.CharField(max_length=255, verbose_name="WordPress id")),
                        ("object_id", models.BigIntegerField(blank=True, null=True)),
                        ("stored_name", models.CharField(blank=True, max_length=255)),
                        ("digest", models.CharField(blank=True, max_length=64)),
                        ("imported_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "verbose_name": "WordPress import record",
                        "db_table": "articles_wordpressitem",
                        "constraints": [
                            models.UniqueConstraint(fields=("source_site", "wp_type", "wp_id"), name="wordpress_item_unique_source"),
                            models.CheckConstraint(condition=models.Q(("wp_type__in", ["author", "category", "tag", "post", "page", "comment", "file"])), name="wordpress_item_type_valid"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="LegacyPostId",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("wp_id", models.PositiveBigIntegerField(unique=True, verbose_name="WordPress post id")),
                        ("source_site", models.URLField(blank=True, help_text="The WordPress site it came from.")),
                        ("guid", models.CharField(blank=True, help_text="Kept as the feed item's id.", max_length=500, verbose_name="WordPress GUID")),
                        ("post", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="legacy_ids", to="articles.post")),
                    ],
                    options={
                        "verbose_name": "WordPress post id",
                        "ordering": ["wp_id"],
                        "db_table": "redirects_legacypostid",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="wordpressitem", table=None),
        migrations.AlterModelTable(name="legacypostid", table=None),
    ]
