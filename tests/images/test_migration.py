"""A database migrated before the images app existed, holding images of bodies, migrates forward
with its rows, in the same table, and back again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from images.models import BodyImage
from tests.builders import make_post

# The leaf migration of the app that held BodyImage, before the move.
BEFORE = [("articles", "0011_public_list_indexes")]
NAME = "uploads/2026/01/before.jpg"
RENDITIONS = [[480, 288, "renditions/uploads/2026/01/before-480.webp"]]


def _migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader: it sees what is applied now


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_body_images_and_their_table():
    executor = _migrate([*BEFORE, ("images", None)])
    old = executor.loader.project_state(BEFORE).apps.get_model("articles", "BodyImage")
    old.objects.create(name=NAME, width=1000, height=600, renditions=RENDITIONS)

    _migrate(executor.loader.graph.leaf_nodes())

    assert "articles_bodyimage" in connection.introspection.table_names()
    row = BodyImage.objects.get()
    assert (row.name, row.width, row.height, row.renditions) == (NAME, 1000, 600, RENDITIONS)
    BodyImage.objects.create(name="uploads/2026/01/after.png", width=20, height=10)
    assert BodyImage.objects.count() == 2  # the table still numbers new rows
    post = make_post(body=f'<p>Before.</p><img src="/media/{NAME}" alt="A face">')
    assert 'width="1000" height="600"' in post.body
    assert "/media/renditions/uploads/2026/01/before-480.webp 480w" in post.body


@pytest.mark.django_db(transaction=True)
def test_migrating_back_leaves_the_body_images_to_the_articles_app():
    BodyImage.objects.create(name=NAME, width=1000, height=600, renditions=RENDITIONS)

    executor = _migrate([*BEFORE, ("images", None)])

    old = executor.loader.project_state(BEFORE).apps.get_model("articles", "BodyImage")
    assert list(old.objects.values_list("name", "width", "height")) == [(NAME, 1000, 600)]
    _migrate(executor.loader.graph.leaf_nodes())
    assert BodyImage.objects.get().renditions == RENDITIONS
