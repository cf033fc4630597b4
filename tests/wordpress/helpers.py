"""Shared helpers for the WXR importer and exporter tests."""

import io
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from PIL import Image

from articles.models import Category, Page, Post, Tag
from comments.models import Comment
from redirects.models import Redirect
from tests.builders import image_bytes
from wordpress.models import LegacyPostId, WordPressItem

FIXTURES = Path(__file__).parent / "fixtures"
CLINIC = FIXTURES / "clinic-1.2.xml"


def shared_wxr_dir() -> Path:
    """The real-world exports next to the clone (../shared/data/wxr), when present."""
    return Path(settings.BASE_DIR).parent / "shared" / "data" / "wxr"


def run_import(path: Path | str, *args: str) -> str:
    out = io.StringIO()
    call_command("import_wxr", str(path), *args, stdout=out)
    return out.getvalue()


def database_state() -> dict:
    """Every row the importer may touch, to compare before and after."""
    models = [Post, Page, Category, Tag, get_user_model(), WordPressItem, Redirect, LegacyPostId,
              Comment]  # fmt: skip
    state = {}
    for model in models:
        state[model._meta.label] = sorted(
            tuple(sorted((k, str(v)) for k, v in row.items()))
            for row in model._default_manager.values()
        )
    state["post_categories"] = sorted(Post.categories.through.objects.values_list())
    state["post_tags"] = sorted(Post.tags.through.objects.values_list())
    return state


def exif_jpeg(size=(64, 48)) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera Co"
    exif[0x0132] = "2024:03:14 09:00:00"
    return image_bytes("JPEG", size=size, exif=exif.tobytes())


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
