from django.db import migrations

# PostgreSQL: the matching function keeps only published posts itself. Unpublished posts
# (drafts and scheduled ones) are few, so leaving them out costs one small hashed list, where
# keeping the published ones out of every post would cost a join as large as the matches.
# `published_before` is the moment "published" is judged at (`Post.objects.published()`).
INSTALL = [
    "DROP FUNCTION IF EXISTS search_posttext_matches(tsquery)",
    """
    CREATE FUNCTION search_posttext_matches(query tsquery, published_before timestamptz)
    RETURNS TABLE (post_id bigint, score real)
    LANGUAGE sql STABLE SET enable_seqscan = off AS $$
        SELECT s.post_id, ts_rank(s.document, query) FROM search_posttext AS s
        WHERE s.document @@ query AND s.post_id NOT IN (
            SELECT p.id FROM articles_post AS p WHERE p.published_at IS NULL
            UNION ALL
            SELECT p.id FROM articles_post AS p WHERE p.published_at > published_before
        )
    $$
    """,
]
UNINSTALL = [
    "DROP FUNCTION IF EXISTS search_posttext_matches(tsquery, timestamptz)",
    """
    CREATE FUNCTION search_posttext_matches(query tsquery)
    RETURNS TABLE (post_id bigint, score real)
    LANGUAGE sql STABLE SET enable_seqscan = off AS $$
        SELECT s.post_id, ts_rank(s.document, query) FROM search_posttext AS s
        WHERE s.document @@ query
    $$
    """,
]


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in INSTALL:
            schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in UNINSTALL:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
