import django.contrib.postgres.search
from django.db import migrations

# PostgreSQL. Ranking reads every match, so what it reads is kept small:
# - `head`, the weighted title (A), procedure names and aliases (B), topics and excerpt (C), is
#   kept in the row; `document` is `head` plus the body (D) and answers the GIN index.
# - The row keeps the short columns and `head`; the body and the full document go to TOAST
#   storage (EXTERNAL: not compressed, read only when needed). About ten rows fit a page.
# - A page of results: posts whose head has any of the words asked for come first, ordered by
#   the head's ts_rank for any of those words (`head_query`: more of them, in weightier places,
#   rank higher); the posts that match by their body alone follow, by the ts_rank of the whole
#   document for the query itself, computed only when the page asked for reaches them. Scores:
#   1–2 for the first group, 0–1 for the second.
# - Unpublished posts (drafts and scheduled ones) are few, so leaving them out costs one small
#   hashed list, where keeping the published ones would cost a join as large as the matches.
#   `published_before` is the moment "published" is judged at (`Post.objects.published()`).
# - Excluded words come as a query of their own (`unwanted`, NULL when there are none): the
#   posts that have them are left out the same way, from the index, where a `!word` inside the
#   query would make the database read the whole document of every candidate.
INSTALL = [
    """
    CREATE OR REPLACE FUNCTION search_posttext_document() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.head :=
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.procedures, '')), 'B')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.topics, '')), 'C')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.excerpt, '')), 'C');
        NEW.document :=
            NEW.head
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.body, '')), 'D');
        RETURN NEW;
    END
    $$
    """,
    "ALTER TABLE search_posttext ALTER COLUMN head SET STORAGE MAIN",
    "ALTER TABLE search_posttext ALTER COLUMN document SET STORAGE EXTERNAL",
    "ALTER TABLE search_posttext SET (toast_tuple_target = 1024)",
    # Existing rows: computed again by the trigger, and stored the new way.
    "UPDATE search_posttext SET title = title",
    "DROP FUNCTION IF EXISTS search_posttext_matches(tsquery)",
    """
    CREATE FUNCTION search_posttext_page(
        query tsquery, head_query tsquery, unwanted tsquery, published_before timestamptz,
        page_size integer, page_start integer
    )
    RETURNS TABLE (post_id bigint, score real, total bigint)
    LANGUAGE sql STABLE SET enable_seqscan = off AS $$
        WITH matches AS MATERIALIZED (
            SELECT s.post_id, ts_rank(s.head, head_query) AS head_score
            FROM search_posttext AS s
            WHERE s.document @@ query AND s.post_id NOT IN (
                SELECT p.id FROM articles_post AS p WHERE p.published_at IS NULL
                UNION ALL
                SELECT p.id FROM articles_post AS p WHERE p.published_at > published_before
            ) AND (unwanted IS NULL OR s.post_id NOT IN (
                SELECT u.post_id FROM search_posttext AS u WHERE u.document @@ unwanted
            ))
        ),
        counts AS (
            SELECT count(*) AS total, count(*) FILTER (WHERE head_score > 1e-10) AS by_head
            FROM matches
        )
        SELECT ranked.post_id, ranked.score, counts.total FROM counts, (
            SELECT m.post_id, (1 + least(m.head_score, 1))::real AS score
            FROM matches AS m WHERE m.head_score > 1e-10
            UNION ALL
            SELECT m.post_id, least(ts_rank(s.document, query), 1)::real
            FROM matches AS m JOIN search_posttext AS s USING (post_id)
            WHERE m.head_score <= 1e-10 AND (SELECT by_head FROM counts) < page_start + page_size
        ) AS ranked
        ORDER BY ranked.score DESC, ranked.post_id DESC
        LIMIT page_size OFFSET page_start
    $$
    """,
]
UNINSTALL = [
    "DROP FUNCTION IF EXISTS search_posttext_page(tsquery, tsquery, tsquery, timestamptz, integer, integer)",
    """
    CREATE FUNCTION search_posttext_matches(query tsquery)
    RETURNS TABLE (post_id bigint, score real)
    LANGUAGE sql STABLE SET enable_seqscan = off AS $$
        SELECT s.post_id, ts_rank(s.document, query) FROM search_posttext AS s
        WHERE s.document @@ query
    $$
    """,
    "ALTER TABLE search_posttext RESET (toast_tuple_target)",
    "ALTER TABLE search_posttext ALTER COLUMN document SET STORAGE MAIN",
    """
    CREATE OR REPLACE FUNCTION search_posttext_document() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.document :=
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.procedures, '')), 'B')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.topics, '')), 'C')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.excerpt, '')), 'C')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.body, '')), 'D');
        RETURN NEW;
    END
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
        migrations.AddField(
            model_name="posttext",
            name="head",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(install, uninstall),
    ]
