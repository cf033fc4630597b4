import pytest

from tests.builders import image_bytes

from .helpers import exif_jpeg


@pytest.fixture
def media_dir(tmp_path):
    """A WordPress uploads folder: a JPEG with camera metadata, its resized copy, a PNG."""
    folder = tmp_path / "uploads"
    (folder / "2024/03").mkdir(parents=True)
    (folder / "2024/04").mkdir(parents=True)
    (folder / "2024/03/needles.jpg").write_bytes(exif_jpeg())
    (folder / "2024/03/needles-300x200.jpg").write_bytes(exif_jpeg((30, 20)))
    (folder / "2024/04/plasma.png").write_bytes(image_bytes("PNG"))
    return folder
