"""A database migrated before the wordpress app existed, holding imported content, migrates
forward with its rows and keeps serving the same addresses."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from articles.models import Post
from tests.builders import make_post
from wordpress.models import LegacyPostId, WordPressItem

# The leaf migrations of the apps that held the WordPress models, before the move.
BEFORE = [("articles", "0002_wordpressitem"), ("redirects", "0001_initial")]
GUID = "https://old.example/?p=42"


def _migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader: it sees what is applied now


def _import_the_old_way(apps) -> int:
    """What an import left in the database at the time, written with the models of then."""
    user = apps.get_model("auth", "User").objects.create(username="wp-author", is_active=False)
    post = apps.get_model("articles", "Post").objects.create(
        title="Imported post",
        slug="imported-post",
        body="<p>From WordPress.</p>",
        author_id=user.pk,
        published_at=timezone.now() - datetime.timedelta(days=3),
        changed_at=timezone.now(),
    )
    apps.get_model("articles", "WordPressItem").objects.create(
        source_site="https://old.example", wp_type="post", wp_id="42", object_id=post.pk,
        digest="d" * 64,
    )  # fmt: skip
    legacy = apps.get_model("redirects", "LegacyPostId")
    legacy.objects.create(post_id=post.pk, wp_id=41, source_site="https://old.example")
    legacy.objects.create(post_id=post.pk, wp_id=42, source_site="https://old.example", guid=GUID)
    apps.get_model("redirects", "Redirect").objects.create(
        old_path="/2019/05/imported-post/", new_path="/imported-post/", source="import"
    )
    return post.pk


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_wordpress_rows_and_addresses(client):
    executor = _migrate([*BEFORE, ("wordpress", None)])
    assert "articles_wordpressitem" in connection.introspection.table_names()
    post_pk = _import_the_old_way(executor.loader.project_state(BEFORE).apps)

    executor = _migrate(executor.loader.graph.leaf_nodes())

    tables = connection.introspection.table_names()
    assert {"wordpress_wordpressitem", "wordpress_legacypostid"} <= set(tables)
    assert not {"articles_wordpressitem", "redirects_legacypostid"} & set(tables)
    item = WordPressItem.objects.get()
    assert (item.wp_type, item.wp_id, item.object_id) == ("post", "42", post_pk)
    assert list(LegacyPostId.objects.values_list("wp_id", "post_id")) == [
        (41, post_pk),
        (42, post_pk),
    ]
    assert Post.objects.get().guid == GUID
    # The renamed tables still number new rows.
    LegacyPostId.objects.create(post_id=post_pk, wp_id=43)
    WordPressItem.objects.create(source_site="https://old.example", wp_type="post", wp_id="43")
    response = client.get("/?p=42")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/imported-post/"
    response = client.get("/2019/05/imported-post/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/imported-post/"
    assert client.get("/imported-post/").status_code == HTTPStatus.OK
    feed = client.get("/feed/").content.decode()
    assert f'<guid isPermaLink="false">{GUID}</guid>' in feed


@pytest.mark.django_db(transaction=True)
def test_migrating_back_returns_the_rows_to_their_old_tables():
    post = make_post(slug="kept")
    LegacyPostId.objects.create(post=post, wp_id=7, guid="urn:old:7")

    executor = _migrate([*BEFORE, ("wordpress", None)])

    tables = set(connection.introspection.table_names())
    assert not {"wordpress_wordpressitem", "wordpress_legacypostid"} & tables
    old = executor.loader.project_state(BEFORE).apps.get_model("redirects", "LegacyPostId")
    assert list(old.objects.values_list("wp_id", "post_id", "guid")) == [(7, post.pk, "urn:old:7")]
    _migrate(executor.loader.graph.leaf_nodes())
    assert LegacyPostId.objects.get().post == post
