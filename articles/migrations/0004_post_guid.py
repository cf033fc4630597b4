from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_wordpressitem_moved"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="guid",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="The id feeds give the post, when it has one of its own: a post "
                "imported from another site keeps its old GUID, so feed readers do not show it "
                "again as new.",
                max_length=500,
                verbose_name="feed id",
            ),
        ),
    ]
