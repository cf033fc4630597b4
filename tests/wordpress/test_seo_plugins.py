"""Yoast SEO and Rank Math meta in an export: titles, descriptions, canonical URLs, noindex and
the primary category arrive in our fields, the plugins' variables expanded as they would be
when the plugin renders the page. Fixtures written from the plugins' documented meta keys."""

from http import HTTPStatus

import pytest

from articles.models import Page, Post
from tests.builders import image_bytes

from .helpers import FIXTURES, run_import

pytestmark = pytest.mark.django_db
YOAST = FIXTURES / "seo-yoast.xml"
RANK_MATH = FIXTURES / "seo-rank-math.xml"


def test_it_reads_yoast_fields_with_variables_expanded():
    run_import(YOAST)

    post = Post.objects.get(slug="needling-scars")
    assert post.seo_title == "Does needling help scars? - Skin - Glow & Co"
    assert post.seo_description == (
        "What needling does for scars. Written by Ana Ruiz on March 14, 2024."
    )
    assert post.seo_canonical == "https://yoast.example/original-study/"
    assert post.seo_noindex is True
    assert post.primary_category.slug == "skin"


def test_it_drops_unknown_yoast_variables_and_dangling_separators():
    run_import(YOAST)

    post = Post.objects.get(slug="plain")
    assert post.seo_title == "A plain post"
    assert post.seo_noindex is False  # "2" forces index
    assert post.primary_category is None
    page = Page.objects.get(slug="about")
    assert page.seo_title == "About Glow & Co - Skin notes"
    assert page.seo_description == "Who we are at Glow & Co."


def test_it_reads_rank_math_fields_with_variables_expanded():
    run_import(RANK_MATH)

    post = Post.objects.get(slug="needling-scars")
    assert post.seo_title == "Does needling help scars? - Needle Notes"
    assert post.seo_description == (
        "What needling does for scars. Filed under Needling, tagged collagen."
    )
    assert post.seo_canonical == "https://rankmath.example/canonical/"
    assert post.seo_noindex is True
    assert post.primary_category.slug == "needling"
    page = Page.objects.get(slug="contact")
    assert page.seo_title == "Contact - Needle Notes"
    assert page.seo_noindex is False


def test_the_summary_counts_seo_fields_per_plugin():
    assert "SEO fields from Yoast SEO: 8." in run_import(YOAST)
    assert "SEO fields from Rank Math: 6." in run_import(RANK_MATH)


def test_featured_image_alt_comes_from_the_attachment_meta(tmp_path):
    (tmp_path / "2024/03").mkdir(parents=True)
    (tmp_path / "2024/03/needles.png").write_bytes(image_bytes("PNG"))
    run_import(YOAST, "--media-dir", str(tmp_path))

    post = Post.objects.get(slug="needling-scars")
    assert post.featured_image
    assert post.featured_image_alt == "A microneedling pen on a tray"


def test_imported_seo_fields_reach_the_page_head(client):
    run_import(YOAST)

    html = client.get("/needling-scars/").content.decode()
    assert '<link rel="canonical"' not in html  # noindex pages carry no canonical link
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Does needling help scars? - Skin - Glow &amp; Co" in html
    kicker = html.split('class="post__kicker">', 1)[1].split("</p>", 1)[0]
    assert kicker.index("Skin") < kicker.index("Needling")  # the primary category first


def test_a_canonical_url_from_the_plugin_is_the_page_canonical(client):
    run_import(RANK_MATH)
    Post.objects.filter(slug="needling-scars").update(seo_noindex=False)

    response = client.get("/needling-scars/")
    assert response.status_code == HTTPStatus.OK
    assert '<link rel="canonical" href="https://rankmath.example/canonical/">' in (
        response.content.decode()
    )


def test_importing_again_changes_nothing():
    run_import(YOAST)
    out = run_import(YOAST)
    assert Post.objects.get(slug="needling-scars").seo_noindex is True
    assert "created" in out.splitlines()[0]
    posts = next(line for line in out.splitlines() if line.startswith("posts"))
    assert posts.split()[1:4] == ["0", "0", "2"]
