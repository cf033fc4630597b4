import datetime
import io
from http import HTTPStatus
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from articles.models import Category, Page, Post, Procedure, Reference, Reviewer, Tag


def snapshot() -> dict:
    return {
        "posts": sorted(
            (
                p.slug,
                p.title,
                p.body,
                str(p.published_at),
                str(p.updated_at),
                str(p.changed_at),
                p.featured_image.name,
                tuple(sorted(p.categories.values_list("slug", flat=True))),
                tuple(sorted(p.procedures.values_list("slug", flat=True))),
                tuple(sorted(p.tags.values_list("slug", flat=True))),
            )
            for p in Post.objects.all()
        ),
        "counts": [
            m.objects.count() for m in (Category, Page, Procedure, Reference, Reviewer, Tag)
        ],
        "related": sorted(Procedure.related.through.objects.values_list("from_procedure__slug")),
    }


@pytest.mark.django_db
def test_seed_demo_twice_leaves_the_same_content(settings):
    call_command("seed_demo", stdout=io.StringIO())
    first = snapshot()
    files = sorted(p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=3)):
        call_command("seed_demo", stdout=io.StringIO())

    assert snapshot() == first
    assert sorted(p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()) == files


@pytest.mark.django_db
def test_demo_content_has_what_the_product_promises(client):
    call_command("seed_demo", stdout=io.StringIO())

    assert Post.objects.published().count() >= 12
    microneedling = Procedure.objects.get(slug="microneedling")
    assert "collagen induction therapy" in microneedling.aliases.lower()
    assert microneedling.session_minutes == 30
    assert Procedure.objects.filter(slug="prp").exists()
    article = Post.objects.get(slug="does-microneedling-improve-acne-scars")
    assert article.featured_image and article.featured_image_alt
    assert article.reviewed_by is not None
    response = client.get(article.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for heading in [
        "Understanding acne scars",
        "What is microneedling?",
        "How microneedling improves acne scars",
        "Microneedling and PRP for acne scars",
        "Share This Post",
        "Medically reviewed by",
        "Not medical advice.",
    ]:
        assert heading in html
    assert client.get("/privacy-policy/").status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_demo_featured_images_have_their_size_stored():
    def sizes():
        rows = Post.objects.exclude(featured_image="")
        return set(rows.values_list("featured_image_width", "featured_image_height"))

    call_command("seed_demo", stdout=io.StringIO())
    assert sizes() == {(1600, 1000)}

    # A demo drawn before the size was stored gets it on the next run.
    Post.objects.update(featured_image_width=None, featured_image_height=None)
    call_command("seed_demo", stdout=io.StringIO())
    assert sizes() == {(1600, 1000)}
