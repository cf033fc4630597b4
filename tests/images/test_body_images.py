"""Images in rich text: renditions made once on upload or import, and the stored body's <img>
tags carrying size, srcset/sizes and lazy loading, so pages print them as they are."""

import io
import re
from http import HTTPStatus

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.tasks import default_task_backend
from django.test import TestCase
from django.utils import timezone

from articles.markup import clean_html
from articles.models import Page, Post
from images.models import BodyImage
from images.tasks import make_body_image
from tests.builders import image_bytes, make_page, make_post
from tests.editorial.roles import change_url, post_form, role_client

pytestmark = pytest.mark.django_db

UPLOAD = "/ckeditor5/image_upload/"
IMG = re.compile(r"<img\b[^>]*>")


def upload(client, size=(1000, 600)) -> str:
    """Upload through the editor's endpoint; its task is enqueued as the request commits."""
    photo = SimpleUploadedFile("photo.jpg", image_bytes("JPEG", size=size), "image/jpeg")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(UPLOAD, {"upload": photo})
    assert response.status_code == HTTPStatus.OK, response.content
    return response.json()["url"]


def img_tags(html: str) -> list[str]:
    return IMG.findall(html)


def attrs(tag: str) -> dict[str, str]:
    return dict(re.findall(r'([a-z-]+)="([^"]*)"', tag))


def rendition_files() -> list[str]:
    found = []
    folders = ["renditions"]
    while folders:
        folder = folders.pop()
        if not default_storage.exists(folder):
            continue
        subfolders, files = default_storage.listdir(folder)
        folders += [f"{folder}/{name}" for name in subfolders]
        found += [f"{folder}/{name}" for name in files]
    return sorted(found)


def test_an_upload_makes_renditions_and_the_saved_post_shows_them(client):
    author = role_client("Author")
    first, second = upload(author), upload(author, size=(900, 900))
    external = "https://images.example.org/elsewhere.jpg"

    name = first.removeprefix("/media/")
    stem = name.rsplit(".", 1)[0]
    assert rendition_files() == sorted(
        [f"renditions/{stem}-480.webp", f"renditions/{stem}-800.webp"]
        + [f"renditions/{second.removeprefix('/media/').rsplit('.', 1)[0]}-{w}.webp"
           for w in (480, 800)]
    )  # fmt: skip
    with default_storage.open(f"renditions/{stem}-480.webp") as handle:
        assert handle.read(12)[8:] == b"WEBP"

    post = make_post(author=author.user, published_at=timezone.now())
    body = (
        f'<p>Intro.</p><figure class="image"><img src="{first}" alt="A pen"></figure>'
        f'<p>More.</p><figure class="image"><img src="{second}" alt="A tray"></figure>'
        f'<p>Seen elsewhere: <img src="{external}" alt="Elsewhere"></p>'
    )
    response = author.post(change_url(post), post_form(post, body=body))
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]

    post.refresh_from_db()
    hero, below, foreign = (attrs(tag) for tag in img_tags(post.body))
    # No featured image above it: the first body image may be in view, so it is not lazy.
    assert (hero["width"], hero["height"]) == ("1000", "600")
    assert hero["srcset"] == (
        f"/media/renditions/{stem}-480.webp 480w, /media/renditions/{stem}-800.webp 800w, "
        f"{first} 1000w"
    )
    assert hero["sizes"] == "(min-width: 64em) 42rem, 100vw"
    assert "loading" not in hero
    assert (below["width"], below["height"], below["loading"]) == ("900", "900", "lazy")
    assert below["decoding"] == "async" and "800w" in below["srcset"]
    # Another host's image is left as it is, only loaded lazily.
    assert foreign == {"src": external, "alt": "Elsewhere", "loading": "lazy", "decoding": "async"}

    page = client.get(post.get_absolute_url()).content.decode()
    for tag in img_tags(post.body):
        assert tag in page


def test_with_a_featured_image_every_body_image_is_lazy_and_the_hero_is_not(client):
    author = role_client("Author")
    url = upload(author)
    post = make_post(author=author.user, published_at=timezone.now())
    form = post_form(post, body=f'<p><img src="{url}" alt="A pen"></p>',
                     featured_image_alt="A calm pattern")  # fmt: skip
    form["featured_image"] = SimpleUploadedFile("hero.jpg", image_bytes("JPEG", (900, 600)))
    assert author.post(change_url(post), form).status_code == HTTPStatus.FOUND

    html = client.get(post.get_absolute_url()).content.decode()
    hero, body_image = img_tags(html.split('class="post__image"', 1)[1])[:2]
    assert 'fetchpriority="high"' in hero and "loading=" not in hero
    assert 'loading="lazy"' in body_image and 'width="1000"' in body_image


def test_saving_again_changes_nothing_and_the_editor_losing_attributes_gets_them_back():
    author = role_client("Author")
    url = upload(author)
    post = make_post(author=author.user, body=f'<p>Hi.</p><p><img src="{url}" alt="x"></p>')
    stored = post.body
    assert 'width="1000"' in stored

    post.save()
    assert post.body == stored

    # The editor sends the image back without the attributes it does not know.
    post.body = f'<p>Hi.</p><p><img src="{url}" alt="x" width="10"></p>'
    post.save()
    assert post.body == stored


def test_a_body_saved_before_its_queued_renditions_were_made_gets_them_when_they_are(
    settings, client
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    author = role_client("Author")
    url = upload(author)
    name = url.removeprefix("/media/")
    assert not BodyImage.objects.exists() and rendition_files() == []  # still in the queue

    post = make_post(author=author.user, published_at=timezone.now(),
                     body=f'<p>Hi.</p><p><img src="{url}" alt="x"></p>')  # fmt: skip
    page = make_page(body=f'<p><img src="{url}" alt="x"></p>')
    assert "srcset" not in post.body and 'loading="lazy"' not in post.body

    updated = make_body_image.call(name)  # what the worker runs

    assert updated == 2
    post.refresh_from_db()
    assert 'width="1000"' in post.body and "480w" in post.body
    assert 'width="1000"' in Page.objects.get(pk=page.pk).body
    assert 'width="1000"' in client.get(post.get_absolute_url()).content.decode()


def test_the_upload_enqueues_its_renditions_through_the_tasks_framework(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    author = role_client("Author")
    url = upload(author)
    (result,) = default_task_backend.results
    assert result.task.name == "make_body_image"
    assert result.args == [url.removeprefix("/media/")]


def test_a_small_image_gets_its_size_but_no_srcset():
    author = role_client("Author")
    url = upload(author, size=(300, 200))
    post = make_post(author=author.user, body=f'<p>a</p><p><img src="{url}" alt="x"></p>')
    (tag,) = img_tags(post.body)
    assert 'width="300" height="200"' in tag
    assert "srcset" not in tag and rendition_files() == []


def test_the_sanitiser_keeps_the_image_attributes_and_drops_the_rest():
    html = (
        '<img src="/media/a.jpg" alt="a" width="800" height="600" loading="lazy" '
        'decoding="async" srcset="/media/a-480.webp 480w, /media/a.jpg 800w" '
        'sizes="(min-width: 64em) 42rem, 100vw" onerror="alert(1)" style="width:1px">'
    )
    cleaned = clean_html(html)
    assert attrs(cleaned) == {
        "src": "/media/a.jpg", "alt": "a", "width": "800", "height": "600", "loading": "lazy",
        "decoding": "async", "srcset": "/media/a-480.webp 480w, /media/a.jpg 800w",
        "sizes": "(min-width: 64em) 42rem, 100vw",
    }  # fmt: skip


def test_rebuild_renditions_makes_deleted_renditions_again_and_is_idempotent(client):
    author = role_client("Author")
    url = upload(author)
    post = make_post(author=author.user, published_at=timezone.now(),
                     body=f'<p>a</p><p><img src="{url}" alt="x"></p>')  # fmt: skip
    form = post_form(post, featured_image_alt="A calm pattern")
    form["featured_image"] = SimpleUploadedFile("hero.jpg", image_bytes("JPEG", (900, 600)))
    assert author.post(change_url(post), form).status_code == HTTPStatus.FOUND
    post.refresh_from_db()
    before = rendition_files()
    assert len(before) == 4  # 480 and 800 of the body image and of the featured one
    stored_body = post.body
    for name in before:
        default_storage.delete(name)
    # An image a body used before renditions existed has no row yet: the command finds it.
    BodyImage.objects.all().delete()

    out = io.StringIO()
    call_command("rebuild_renditions", stdout=out)

    assert rendition_files() == before
    assert "articles.Post.featured_image: 1 rebuilt, 0 missing" in out.getvalue()
    assert "Images in rich text: 1 rebuilt, 0 missing" in out.getvalue()
    assert "Bodies updated: 0 of 1" in out.getvalue()
    post.refresh_from_db()
    assert post.body == stored_body
    assert [w for w, _h, _n in post.featured_image_renditions["sizes"]] == [480, 800]

    out = io.StringIO()
    call_command("rebuild_renditions", stdout=out)
    assert rendition_files() == before
    assert "Images in rich text: 1 rebuilt, 0 missing" in out.getvalue()
    assert "Bodies updated: 0 of 1" in out.getvalue()
    assert Post.objects.get(pk=post.pk).body == stored_body


def test_rebuild_renditions_completes_bodies_saved_before_renditions_existed():
    author = role_client("Author")
    url = upload(author)
    BodyImage.objects.all().delete()
    for name in rendition_files():
        default_storage.delete(name)
    post = make_post(author=author.user, body=f'<p>a</p><p><img src="{url}" alt="x"></p>')
    missing = make_post(body='<p>a</p><p><img src="/media/uploads/gone.jpg" alt="x"></p>')
    assert "srcset" not in post.body

    out = io.StringIO()
    call_command("rebuild_renditions", stdout=out, stderr=io.StringIO())

    assert "Images in rich text: 1 rebuilt, 1 missing" in out.getvalue()
    assert "Bodies updated: 1 of 2" in out.getvalue()
    post.refresh_from_db()
    assert 'width="1000"' in post.body and "800w" in post.body
    assert Post.objects.get(pk=missing.pk).body == missing.body


def test_an_imported_post_with_a_local_image_gets_renditions_size_and_lazy_loading(tmp_path):
    from tests.wordpress.helpers import FIXTURES, run_import

    media = tmp_path / "wp-uploads"
    (media / "2024/04").mkdir(parents=True)
    (media / "2024/04/plasma.png").write_bytes(image_bytes("PNG", size=(1200, 800)))

    run_import(FIXTURES / "clinic-1.2.xml", "--media-dir", str(media))

    post = Post.objects.get(slug="πρπ-facial")
    local, missing = (attrs(tag) for tag in img_tags(post.body))
    stem = local["src"].removeprefix("/media/").rsplit(".", 1)[0]
    assert (local["width"], local["height"]) == ("1200", "800")
    # WordPress's own resized copies are gone; ours are in storage and in the srcset.
    assert "plasma-300x200" not in post.body
    assert local["srcset"] == (
        f"/media/renditions/{stem}-480.webp 480w, /media/renditions/{stem}-800.webp 800w, "
        f"{local['src']} 1200w"
    )
    assert all(default_storage.exists(f"renditions/{stem}-{w}.webp") for w in (480, 800))
    assert local["sizes"] == "(min-width: 64em) 42rem, 100vw"
    # The image that could not be copied keeps its old address and is only loaded lazily.
    assert missing["src"] == "https://glow.example/wp-content/uploads/2024/04/missing.jpg"
    assert missing["loading"] == "lazy" and "srcset" not in missing

    run_import(FIXTURES / "clinic-1.2.xml", "--media-dir", str(media))
    assert BodyImage.objects.count() == 1
