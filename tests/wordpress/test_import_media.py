"""Media of an import: the featured image and body images come from the uploads folder given
with --media-dir, re-encoded without their metadata; what is missing, not an image or outside the
folder is reported and skipped, never fatal."""

import pytest
from PIL import Image

from articles.models import Post

from .helpers import CLINIC, exif_jpeg, run_import

pytestmark = pytest.mark.django_db


def test_featured_image_comes_from_the_media_folder_without_its_metadata(media_dir, settings):
    run_import(CLINIC, "--media-dir", str(media_dir))

    post = Post.objects.get(slug="microneedling-acne-scars")
    assert post.featured_image.name.startswith("uploads/")
    assert post.featured_image_alt == "A microneedling pen on a tray"
    assert (post.featured_image_width, post.featured_image_height) == (64, 48)
    with Image.open(post.featured_image.path) as image:
        assert dict(image.getexif()) == {}
    with Image.open(media_dir / "2024/03/needles.jpg") as original:
        assert dict(original.getexif())  # the source did carry metadata


def test_body_images_under_uploads_point_at_the_imported_copies(media_dir, settings):
    output = run_import(CLINIC, "--media-dir", str(media_dir))

    post = Post.objects.get(slug="πρπ-facial")
    assert "glow.example/wp-content/uploads/2024/04/plasma.png" not in post.body
    assert 'src="/media/uploads/' in post.body
    assert "srcset" not in post.body
    # A missing file keeps its old address and is reported, without failing the import.
    assert "https://glow.example/wp-content/uploads/2024/04/missing.jpg" in post.body
    assert "Missing media file: 2024/04/missing.jpg" in output
    caption = Post.objects.get(slug="microneedling-acne-scars").body
    assert '<figure class="wp-caption alignright"><img' in caption
    assert "<figcaption>The pen used in clinic</figcaption></figure>" in caption
    assert "needles-300x200.jpg" not in caption


def test_without_a_media_folder_images_are_reported_not_fatal():
    output = run_import(CLINIC)

    assert not Post.objects.get(slug="microneedling-acne-scars").featured_image
    assert "no --media-dir given" in output


def test_a_file_that_is_not_an_image_is_reported_and_skipped(media_dir):
    (media_dir / "2024/03/needles.jpg").write_text("<?php echo 'not an image'; ?>")

    output = run_import(CLINIC, "--media-dir", str(media_dir))

    assert not Post.objects.get(slug="microneedling-acne-scars").featured_image
    assert "not an image this site accepts" in output


def test_media_paths_cannot_reach_outside_the_media_folder(tmp_path, media_dir):
    (media_dir.parent / "secret.jpg").write_bytes(exif_jpeg())
    sneaky = tmp_path / "sneaky.xml"
    sneaky.write_text(CLINIC.read_text().replace("2024/03/needles.jpg]]", "../secret.jpg]]"))

    output = run_import(sneaky, "--media-dir", str(media_dir))

    assert not Post.objects.get(slug="microneedling-acne-scars").featured_image
    assert "Missing media file: ../secret.jpg" in output
