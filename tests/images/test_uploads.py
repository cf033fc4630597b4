import io
import os
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.builders import image_bytes, make_user

pytestmark = pytest.mark.django_db

URL = "/ckeditor5/image_upload/"


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return [os.path.join(folder, name) for folder, _dirs, names in os.walk(root) for name in names]


def exif_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[2] = (51.0, 30.0, 0.0)  # GPSLatitude
    gps[4] = (0.0, 7.0, 0.0)  # GPSLongitude
    return exif.tobytes()


def upload(client, name: str, content: bytes, content_type: str = "image/png"):
    return client.post(URL, {"upload": SimpleUploadedFile(name, content, content_type)})


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_staff_can_upload_a_real_image(staff_client, settings, fmt):
    response = upload(staff_client, f"photo.{fmt.lower()}", image_bytes(fmt))

    assert response.status_code == HTTPStatus.OK
    url = response.json()["url"]
    assert url.startswith("/media/uploads/")
    assert len(stored_files(settings)) == 1


def test_uploaded_photos_lose_their_exif_and_gps_data(staff_client, settings):
    original = image_bytes("JPEG", exif=exif_with_gps())
    assert Image.open(io.BytesIO(original)).getexif()  # the fixture really carries EXIF

    response = upload(staff_client, "before.jpg", original, "image/jpeg")

    assert response.status_code == HTTPStatus.OK
    (path,) = stored_files(settings)
    with Image.open(path) as stored:
        assert not stored.getexif()
        assert "exif" not in stored.info


def test_uploads_never_overwrite_each_other(staff_client, settings):
    first = upload(staff_client, "same.png", image_bytes("PNG")).json()["url"]
    second = upload(staff_client, "same.png", image_bytes("PNG", size=(20, 20))).json()["url"]

    assert first != second
    assert len(stored_files(settings)) == 2


def test_an_svg_with_a_script_is_refused(staff_client, settings):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    response = upload(staff_client, "logo.svg", svg, "image/svg+xml")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "not an image we can read" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_an_html_file_renamed_png_is_refused(staff_client, settings):
    html = b"<!doctype html><html><script>document.cookie</script></html>"

    response = upload(staff_client, "innocent.png", html)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "JPEG, PNG, WebP or GIF" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_a_decompression_bomb_is_refused(staff_client, settings):
    # A tiny file that claims a huge canvas: 20,000 × 20,000 pixels of one colour.
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, format="PNG", optimize=True)
    assert len(bomb.getvalue()) < settings.UPLOAD_MAX_BYTES

    response = upload(staff_client, "bomb.png", bomb.getvalue())

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "pixels" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_an_oversized_file_is_refused_before_it_is_read(staff_client, settings):
    settings.UPLOAD_MAX_BYTES = 1024

    response = upload(staff_client, "big.png", image_bytes("PNG", size=(400, 400)))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "the limit is" in response.json()["error"]["message"]
    assert stored_files(settings) == []


def test_anonymous_visitors_cannot_upload(client, settings):
    response = upload(client, "photo.png", image_bytes("PNG"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json()["error"]["message"] == "Only signed-in staff can upload images."
    assert stored_files(settings) == []


def test_signed_in_non_staff_users_cannot_upload(client, settings):
    client.force_login(make_user())

    response = upload(client, "photo.png", image_bytes("PNG"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert stored_files(settings) == []


def test_upload_needs_a_csrf_token(settings, django_user_model):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("s", is_staff=True))

    response = upload(client, "photo.png", image_bytes("PNG"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert stored_files(settings) == []


def test_a_request_without_a_file_gets_a_clear_message(staff_client):
    response = staff_client.post(URL, {})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "No file was sent" in response.json()["error"]["message"]
