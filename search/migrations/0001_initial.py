import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models



# PostgreSQL: a weighted tsvector per post, filled by a trigger, with a GIN index.
POSTGRESQL_INSTALL = [
    """
    CREATE FUNCTION search_posttext_document() RETURNS trigger LANGUAGE plpgsql AS $$
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
    """
    CREATE TRIGGER search_posttext_document BEFORE INSERT OR UPDATE ON search_posttext
    FOR EACH ROW EXECUTE FUNCTION search_posttext_document()
    """,
    "CREATE INDEX search_posttext_document_gin ON search_posttext USING gin (document)",
    # Ranking reads every matching document: keep it in the row (compressed) rather than in
    # TOAST, which made broad searches about twice as slow.
    "ALTER TABLE search_posttext ALTER COLUMN document SET STORAGE MAIN",
    # Matches and their rank. The planner prices a row-by-row `@@` check as cheap, but each
    # check decompresses a whole document, while the GIN index answers it without reading
    # any: searches that match most posts take a third less time from the index.
    """
    CREATE FUNCTION search_posttext_matches(query tsquery)
    RETURNS TABLE (post_id bigint, score real)
    LANGUAGE sql STABLE SET enable_seqscan = off AS $$
        SELECT s.post_id, ts_rank(s.document, query) FROM search_posttext AS s
        WHERE s.document @@ query
    $$
    """,
    # Every search keeps only published posts: their ids straight from an index.
    "CREATE INDEX search_post_published_id ON articles_post (published_at) INCLUDE (id)",
]
POSTGRESQL_UNINSTALL = [
    "DROP FUNCTION IF EXISTS search_posttext_matches(tsquery)",
    "DROP INDEX IF EXISTS search_post_published_id",
    "DROP INDEX IF EXISTS search_posttext_document_gin",
    "DROP TRIGGER IF EXISTS search_posttext_document ON search_posttext",
    "DROP FUNCTION IF EXISTS search_posttext_document()",
]

# SQLite: an FTS5 index over search_posttext (external content), kept in step by triggers.
_COLUMNS = "title, procedures, topics, excerpt, body"
_NEW = "new.title, new.procedures, new.topics, new.excerpt, new.body"
_OLD = "old.title, old.procedures, old.topics, old.excerpt, old.body"
SQLITE_INSTALL = [
    f"""
    CREATE VIRTUAL TABLE search_posttext_fts USING fts5(
        {_COLUMNS},
        content='search_posttext', content_rowid='post_id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    f"""
    CREATE TRIGGER search_posttext_fts_insert AFTER INSERT ON search_posttext BEGIN
        INSERT INTO search_posttext_fts(rowid, {_COLUMNS}) VALUES (new.post_id, {_NEW});
    END
    """,
    f"""
    CREATE TRIGGER search_posttext_fts_delete AFTER DELETE ON search_posttext BEGIN
        INSERT INTO search_posttext_fts(search_posttext_fts, rowid, {_COLUMNS})
        VALUES ('delete', old.post_id, {_OLD});
    END
    """,
    f"""
    CREATE TRIGGER search_posttext_fts_update AFTER UPDATE ON search_posttext BEGIN
        INSERT INTO search_posttext_fts(search_posttext_fts, rowid, {_COLUMNS})
        VALUES ('delete', old.post_id, {_OLD});
        INSERT INTO search_posttext_fts(rowid, {_COLUMNS}) VALUES (new.post_id, {_NEW});
    END
    """,
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_posttext_fts_update",
    "DROP TRIGGER IF EXISTS search_posttext_fts_delete",
    "DROP TRIGGER IF EXISTS search_posttext_fts_insert",
    "DROP TABLE IF EXISTS search_posttext_fts",
]


def _run(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def install_index(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRESQL_INSTALL, "sqlite": SQLITE_INSTALL})


def uninstall_index(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRESQL_UNINSTALL, "sqlite": SQLITE_UNINSTALL})


def index_existing_posts(apps, schema_editor):
    from search.indexing import post_document

    Post = apps.get_model("articles", "Post")
    PostText = apps.get_model("search", "PostText")
    posts = Post.objects.using(schema_editor.connection.alias).prefetch_related(
        "procedures", "categories", "tags"
    )
    rows = []
    for post in posts.iterator(500):
        for procedure in post.procedures.all():
            # The historical model lacks the Procedure.alias_list property post_document reads.
            procedure.alias_list = [
                line.strip() for line in procedure.aliases.splitlines() if line.strip()
            ]
        rows.append(PostText(post_id=post.pk, **post_document(post)))
    PostText.objects.using(schema_editor.connection.alias).bulk_create(rows, batch_size=500)



class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='PostText',
            fields=[
                ('post', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_text', serialize=False, to='articles.post')),
                ('title', models.TextField(blank=True)),
                ('procedures', models.TextField(blank=True, help_text='Procedure names and their aliases.')),
                ('topics', models.TextField(blank=True, help_text='Category and tag names.')),
                ('excerpt', models.TextField(blank=True)),
                ('body', models.TextField(blank=True, help_text='The body as plain text.')),
                ('document', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
            options={
                'verbose_name': 'post search text',
            },
        ),
        migrations.RunPython(install_index, uninstall_index),
        migrations.RunPython(index_existing_posts, migrations.RunPython.noop),
    ]
