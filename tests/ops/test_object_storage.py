"""Media on S3-compatible object storage: moto's standalone server on loopback stands in for the
provider. Uploads and featured-image renditions land in the bucket, pages link to the public
URL, and /healthz notices when the storage server goes away."""

import json
import subprocess
import sys
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.builders import image_bytes, make_post
from tests.servers import free_port, wait_for_port

pytestmark = [pytest.mark.once, pytest.mark.django_db]

BUCKET = "cosmediclist-media"


@pytest.fixture
def s3_server():
    pytest.importorskip("moto", reason="moto[server] is in the dev extra")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server, "moto's S3 server")
        yield server, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture
def bucket(s3_server, settings):
    import boto3

    server, endpoint = s3_server
    keys = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **keys)
    s3.create_bucket(Bucket=BUCKET)
    anyone_reads = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{BUCKET}/*",
            }
        ],
    }
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(anyone_reads))
    public = f"{endpoint}/{BUCKET}"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": keys["aws_access_key_id"],
                "secret_key": keys["aws_secret_access_key"],
                "custom_domain": public.removeprefix("http://"),
                "url_protocol": "http:",
                "querystring_auth": False,
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }

    def keys_in_bucket() -> set[str]:
        listing = s3.list_objects_v2(Bucket=BUCKET)
        return {item["Key"] for item in listing.get("Contents", [])}

    return server, public, keys_in_bucket


def test_an_editor_upload_lands_in_the_bucket_at_the_public_url(staff_client, bucket):
    _server, public, keys_in_bucket = bucket
    photo = image_bytes("JPEG", size=(320, 200))

    response = staff_client.post(
        "/ckeditor5/image_upload/", {"upload": SimpleUploadedFile("p.jpg", photo, "image/jpeg")}
    )

    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith(public + "/uploads/")
    assert url.removeprefix(public + "/") in keys_in_bucket()
    with urllib.request.urlopen(url, timeout=10) as served:
        assert served.read()[:2] == b"\xff\xd8"  # a JPEG, as stored


def test_featured_image_and_renditions_are_in_the_bucket_and_on_the_page(client, bucket):
    _server, public, keys_in_bucket = bucket
    post = make_post(featured_image_alt="A calm pattern")
    post.featured_image.save("p.jpg", ContentFile(image_bytes("JPEG", size=(1600, 900))))

    stored = keys_in_bucket()
    sizes = post.featured_image_renditions["sizes"]
    assert post.featured_image.name in stored
    assert sizes and {name for _w, _h, name in sizes} <= stored

    html = client.get(post.get_absolute_url()).content.decode()
    assert f'src="{public}/{post.featured_image.name}"' in html
    for _width, _height, name in sizes:
        assert f"{public}/{name}" in html
    assert "/media/" not in html


def test_health_check_names_a_stopped_storage_server(client, bucket):
    server, _public, _keys = bucket
    assert json.loads(client.get("/healthz").content)["checks"]["storage"] == "ok"

    server.terminate()
    server.wait(timeout=20)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {
        "database": "ok",
        "cache": "ok",
        "storage": "fail",
    }
