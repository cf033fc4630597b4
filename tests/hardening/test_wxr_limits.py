"""Hostile WordPress exports: slugs that are no address, and records too large to hold."""

import pytest
from django.core.management import CommandError

from articles.models import Page, Post
from tests.wordpress.helpers import database_state, run_import
from wordpress import reader
from wordpress.records import WXRError

pytestmark = pytest.mark.django_db

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Clinic</title>'
    "<wp:wxr_version>1.2</wp:wxr_version>"
)


def _item(n: int, slug: str, title: str = "", body: str = "<p>Body</p>", kind="post") -> str:
    return (
        f"<item><title>{title or f'Post {n}'}</title><wp:post_id>{n}</wp:post_id>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt>"
        f"<wp:post_type>{kind}</wp:post_type></item>"
    )


def _export(tmp_path, *items: str):
    path = tmp_path / "export.xml"
    path.write_text(HEAD + "".join(items) + "</channel></rss>", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("evil%2Fpath", "evilpath"),
        ("..", "hostile-title"),
        ("<script>", "script"),
        ("a/../b", "ab"),
        ("%2e%2e", "hostile-title"),
        ("with space", "with-space"),
    ],
)
def test_a_slug_that_is_no_address_gets_a_new_one_and_a_summary_line(
    tmp_path, client, slug, expected
):
    output = run_import(_export(tmp_path, _item(7, slug, title="Hostile title")))

    post = Post.objects.get()
    assert post.slug == expected
    assert "is not a valid address here, imported as" in output
    assert client.get(post.get_absolute_url()).status_code == 200


def test_a_page_with_a_bad_slug_gets_a_new_one_too(tmp_path):
    run_import(_export(tmp_path, _item(8, "../../etc", title="About", kind="page")))

    assert Page.objects.get().slug == "etc"


def test_unicode_slugs_from_wordpress_are_still_kept(tmp_path):
    run_import(_export(tmp_path, _item(9, "%ce%b5%ce%bb%ce%bb%ce%b7%ce%bd%ce%b9%ce%ba%ce%ac")))

    assert Post.objects.get().slug == "ελληνικά"


def test_a_record_over_the_size_cap_is_a_clean_error_and_nothing_is_written(tmp_path, settings):
    settings.WXR_MAX_RECORD_BYTES = 100_000
    path = _export(tmp_path, _item(1, "fine"), _item(2, "huge", body="x" * 150_000))
    before = database_state()

    with pytest.raises(
        CommandError,
        match=r"<item> starting at line 1 is larger than 100000 bytes.*Nothing was imported",
    ):
        run_import(path)

    assert database_state() == before


def test_the_reader_stops_at_the_cap_without_holding_the_record(tmp_path, settings):
    settings.WXR_MAX_RECORD_BYTES = 1_000_000
    path = _export(tmp_path, _item(1, "huge", body="y" * 3_000_000))

    with pytest.raises(WXRError, match="larger than"):
        reader.scan(path)
