import datetime
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Page, Post
from tests.builders import image_bytes, make_page, make_post, make_user

pytestmark = pytest.mark.django_db


def test_staff_can_preview_drafts_and_scheduled_posts_uncached(staff_client):
    draft = make_post(slug="draft-post", title="Draft title", published_at=None)
    later = make_post(slug="later-post", published_at=timezone.now() + datetime.timedelta(days=1))

    for post in (draft, later):
        response = staff_client.get(post.get_absolute_url())
        assert response.status_code == HTTPStatus.OK
        assert "Preview: only staff can see this" in response.content.decode()
        assert "no-cache" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex"


def test_live_posts_are_not_marked_as_previews(staff_client):
    post = make_post()

    response = staff_client.get(post.get_absolute_url())

    assert "Preview:" not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_non_staff_users_cannot_preview(client):
    client.force_login(make_user())
    draft = make_post(published_at=None)

    assert client.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_draft_pages_are_hidden_from_the_public(client, staff_client):
    page = make_page(slug="coming", published_at=None)

    assert client.get("/coming/").status_code == HTTPStatus.NOT_FOUND
    assert staff_client.get(page.get_absolute_url()).status_code == HTTPStatus.OK


def test_post_changelist_shows_status_and_filters_by_it(staff_client):
    make_post(title="Live one")
    make_post(title="Draft one", published_at=None)
    make_post(title="Soon one", published_at=timezone.now() + datetime.timedelta(days=3))

    everything = staff_client.get("/admin/articles/post/").content.decode()
    drafts = staff_client.get("/admin/articles/post/?status=draft").content.decode()
    scheduled = staff_client.get("/admin/articles/post/?status=scheduled").content.decode()

    assert "Scheduled for" in everything
    assert "Draft one" in drafts and "Live one" not in drafts
    assert "Soon one" in scheduled and "Draft one" not in scheduled


def test_admin_pages_for_every_model_load(staff_client):
    post = make_post()
    for url in [
        "/admin/",
        "/admin/articles/post/add/",
        f"/admin/articles/post/{post.pk}/change/",
        "/admin/articles/category/",
        "/admin/articles/procedure/add/",
        "/admin/articles/tag/",
        "/admin/articles/reviewer/",
        "/admin/articles/page/add/",
        "/admin/autocomplete/?app_label=articles&model_name=post&field_name=categories&term=a",
    ]:
        assert staff_client.get(url).status_code in (HTTPStatus.OK,), url


def post_form(**overrides) -> dict:
    data = {
        "title": "Written in the admin",
        "slug": "written-in-the-admin",
        "excerpt": "",
        "body": "<p>Hello</p><script>alert(1)</script>",
        "published_at_0": "",
        "published_at_1": "",
        "is_featured": "",
        "comments_open": "on",
        "featured_image_alt": "",
        "seo_title": "",
        "seo_description": "",
        "references-TOTAL_FORMS": "0",
        "references-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_staff_write_a_post_in_the_admin_and_its_body_is_sanitised(staff_client):
    response = staff_client.post(
        "/admin/articles/post/add/", post_form(author=staff_client.user.pk)
    )

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    post = Post.objects.get(slug="written-in-the-admin")
    assert post.body == "<p>Hello</p>"
    assert post.published_at is None


def test_a_featured_image_needs_alt_text_and_loses_its_metadata(staff_client):
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    photo = image_bytes("JPEG", size=(900, 600), exif=exif.tobytes())

    missing_alt = staff_client.post(
        "/admin/articles/post/add/",
        {
            **post_form(author=staff_client.user.pk),
            "featured_image": SimpleUploadedFile("p.jpg", photo, "image/jpeg"),
        },
    )
    assert missing_alt.status_code == HTTPStatus.OK
    assert "Describe the featured image" in missing_alt.content.decode()

    staff_client.post(
        "/admin/articles/post/add/",
        {
            **post_form(author=staff_client.user.pk, featured_image_alt="A calm pattern"),
            "featured_image": SimpleUploadedFile("p.jpg", photo, "image/jpeg"),
        },
    )
    post = Post.objects.get(slug="written-in-the-admin")
    with Image.open(post.featured_image.path) as stored:
        assert not stored.getexif()
    assert post.featured_image_width == 900
    widths = [width for width, _h, _name in post.featured_image_renditions["sizes"]]
    assert widths == [480, 800]
    assert "480w" in post.featured_srcset and "900w" in post.featured_srcset


def test_a_fake_featured_image_is_refused_with_a_message(staff_client):
    response = staff_client.post(
        "/admin/articles/post/add/",
        {
            **post_form(author=staff_client.user.pk, featured_image_alt="x"),
            "featured_image": SimpleUploadedFile("p.png", b"<html>nope</html>", "image/png"),
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert not Post.objects.exists()


def test_post_and_page_slugs_never_collide():
    make_page(slug="about")
    make_post(slug="my-story")

    post = Post(title="About", slug="about", author=make_user())
    with pytest.raises(ValidationError, match="already uses the address /about/"):
        post.full_clean()
    with pytest.raises(ValidationError, match="already uses the address /my-story/"):
        Page(title="Story", slug="my-story").full_clean()


@pytest.mark.parametrize("slug", ["category", "feed", "admin", "2024"])
def test_post_slugs_that_the_site_uses_itself_are_refused(slug):
    post = Post(title="X", slug=slug, author=make_user())

    with pytest.raises(ValidationError):
        post.full_clean()
