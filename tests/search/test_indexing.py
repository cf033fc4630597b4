"""The search index follows every change that alters what a post is found by: its text, its
procedures' aliases, its categories and tags, deletion, the rebuild command and deferred indexing
during an import."""

import re

import pytest

from articles.models import Post
from tests.builders import make_category, make_post, make_procedure, make_tag
from tests.search.results import result_titles

pytestmark = pytest.mark.django_db


def test_the_index_follows_a_title_edit(client):
    post = make_post(title="Microneedling basics")

    post.title = "Dermarolling basics"
    post.save()

    assert result_titles(client, "dermarolling") == ["Dermarolling basics"]
    assert result_titles(client, "microneedling") == []


def test_the_index_follows_a_procedure_alias_edit(client):
    procedure = make_procedure(name="Microneedling", aliases="collagen induction therapy")
    make_post(title="Needles and skin", procedures=[procedure])

    procedure.aliases = "percutaneous collagen induction\nskin needling"
    procedure.save()

    assert result_titles(client, "percutaneous") == ["Needles and skin"]
    assert result_titles(client, "therapy") == []


def test_the_index_follows_procedure_and_category_links(client):
    procedure = make_procedure(name="Dermaplaning")
    category = make_category(name="Exfoliation")
    post = make_post(title="Smooth skin")

    post.procedures.add(procedure)
    assert result_titles(client, "dermaplaning") == ["Smooth skin"]
    category.posts.add(post)
    assert result_titles(client, "exfoliation") == ["Smooth skin"]
    category.name = "Resurfacing"
    category.save()
    assert result_titles(client, "resurfacing") == ["Smooth skin"]
    category.posts.clear()
    assert result_titles(client, "resurfacing") == []
    procedure.delete()
    assert result_titles(client, "dermaplaning") == []


def test_the_index_follows_a_tag_rename(client):
    tag = make_tag(name="collagen")
    make_post(title="Smooth skin", tags=[tag])

    tag.name = "elastin"
    tag.save()

    assert result_titles(client, "elastin") == ["Smooth skin"]


def test_a_deleted_post_disappears_from_results(client):
    post = make_post(title="Microneedling basics")
    assert result_titles(client, "microneedling") == ["Microneedling basics"]

    post.delete()

    assert result_titles(client, "microneedling") == []


def test_the_rebuild_command_indexes_posts_changed_without_signals(client):
    from django.core.management import call_command

    post = make_post(title="Microneedling basics")
    Post.objects.filter(pk=post.pk).update(title="Dermarolling basics")

    call_command("rebuild_search_index", verbosity=0)

    assert result_titles(client, "dermarolling") == ["Dermarolling basics"]


def test_search_text_holds_block_boundaries_as_spaces(client):
    make_post(title="Boundaries", body="<p>ends here.</p><h2>Nextword</h2><p>x</p>")

    assert result_titles(client, "nextword") == ["Boundaries"]
    assert re.search(
        r"here\. <mark>Nextword</mark>", client.get("/search/?q=nextword").content.decode()
    )


def test_deferred_indexing_writes_the_search_text_once_at_the_end(client):
    from search.indexing import deferred
    from search.models import PostText

    with deferred():
        post = make_post(title="Deferred dermaplaning notes")
        assert not PostText.objects.filter(post=post).exists()

    assert PostText.objects.get(post=post).title == "Deferred dermaplaning notes"
    assert "Deferred dermaplaning notes" in client.get("/search/?q=dermaplaning").content.decode()


def test_deferred_indexing_writes_nothing_when_the_block_fails():
    from search.indexing import deferred
    from search.models import PostText

    with pytest.raises(RuntimeError), deferred():
        make_post(title="Never indexed")
        raise RuntimeError("the import failed")

    assert not PostText.objects.filter(title="Never indexed").exists()
