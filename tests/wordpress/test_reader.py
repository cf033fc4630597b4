import tracemalloc

import pytest

from wordpress import reader
from wordpress.records import Item, WXRError

from .helpers import FIXTURES


def records(name: str) -> list:
    path = FIXTURES / name
    scan = reader.scan(path)
    return list(reader.parse(path, recover=scan.recovered))


def test_reader_yields_typed_records_in_file_order():
    found = records("clinic-1.2.xml")

    kinds = [type(r).__name__ for r in found]
    assert kinds == ["Author"] * 2 + ["Term"] * 6 + ["Item"] * 13
    maya = found[0]
    assert (maya.id, maya.login, maya.email, maya.display_name) == (
        1,
        "drmaya",
        "maya@glow.example",
        "Dr Maya Okafor",
    )
    child = found[2]
    assert (child.taxonomy, child.slug, child.parent_slug, child.description) == (
        "category",
        "acne-scars",
        "skin",
        "Boxcar, rolling & ice-pick scars.",
    )
    post = found[8]
    assert post.id == 101
    assert post.post_type == "post"
    assert post.is_sticky is True
    assert post.post_date_gmt == "2024-03-14 09:30:00"
    assert [(t.domain, t.slug, t.name) for t in post.terms] == [
        ("category", "acne-scars", "Acne scars"),
        ("post_tag", "collagen", "collagen"),
        ("post_tag", "needling", "needling"),
    ]


def test_reader_keeps_meta_values_as_text_and_never_decodes_serialized_php():
    post = records("clinic-1.2.xml")[8]

    assert post.meta["_settings"] == 'a:1:{s:4:"size";s:5:"large";}'
    assert post.meta["_thumbnail_id"] == "201"


def test_reader_reads_comments_with_threads_and_skips_comment_meta():
    post = records("clinic-1.2.xml")[8]

    assert [(c.id, c.parent, c.approved, c.type) for c in post.comments] == [
        (501, 0, "1", "comment"),
        (502, 501, "1", ""),
        (503, 502, "0", ""),
        (504, 0, "spam", ""),
        (505, 0, "trash", ""),
        (506, 0, "1", "pingback"),
    ]
    assert post.comments[0].author_ip == "203.0.113.9"
    assert not hasattr(post.comments[0], "meta")


def test_reader_keeps_every_unicode_character_of_a_title_exactly():
    future = records("clinic-1.2.xml")[10]

    assert future.title == "Ünïcödé \u202etraps\u202c in a title\u200b 💉 e\u0301"
    assert future.post_name == "unicode-traps-💉"


@pytest.mark.parametrize(
    ("name", "site", "version"),
    [
        ("old-1.0.xml", "http://old.example", "1.0"),
        ("https-1.1.xml", "https://hosted.example", "1.1"),
        ("clinic-1.2.xml", "https://glow.example", "1.2"),
    ],
)
def test_reader_understands_every_wxr_version_and_namespace_spelling(name, site, version):
    scan = reader.scan(FIXTURES / name)
    items = [r for r in records(name) if isinstance(r, Item)]

    assert scan.site.key == site
    assert scan.site.wxr_version == version
    assert items[0].title and items[0].post_name and items[0].content


def test_reader_collects_attachments_in_the_first_pass_for_featured_images():
    scan = reader.scan(FIXTURES / "clinic-1.2.xml")

    assert list(scan.attachments) == [201]
    assert scan.attachments[201].meta["_wp_attached_file"] == "2024/03/needles.jpg"
    assert scan.counts["item"] == 13
    assert scan.counts["comment"] == 6


def test_reader_recovers_cdata_sections_with_an_unescaped_closer():
    scan = reader.scan(FIXTURES / "nested-cdata.xml")
    (item,) = records("nested-cdata.xml")

    assert scan.recovered is True
    assert item.content == "Write <![CDATA[ raw ]]> sections; a lone ]]> too."
    assert item.excerpt == "Modern escape: ]]> kept."


def test_reader_reads_well_formed_files_strictly_without_the_repair():
    assert reader.scan(FIXTURES / "clinic-1.2.xml").recovered is False


def test_cdata_repair_gives_the_same_bytes_whatever_the_chunk_size():
    data = (FIXTURES / "nested-cdata.xml").read_bytes()
    whole = b"".join(reader.repair_cdata([data]))

    for size in (1, 2, 3, 7, 9, 10, 17, 64):
        pieces = [data[i : i + size] for i in range(0, len(data), size)]
        assert b"".join(reader.repair_cdata(pieces)) == whole


def test_cdata_repair_leaves_well_formed_documents_unchanged():
    data = (FIXTURES / "clinic-1.2.xml").read_bytes()

    assert b"".join(reader.repair_cdata([data])) == data


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("broken-mismatched.xml", "mismatched tag", 14),
        ("broken-entity-bomb.xml", "document type declaration is not allowed", 2),
        ("broken-external-entity.xml", "document type declaration is not allowed", 2),
        ("broken-undeclared-entity.xml", "undefined entity", 5),
        ("broken-not-xml.txt", "not well-formed XML", 1),
    ],
)
def test_reader_refuses_broken_or_dangerous_input_with_line_and_column(name, message, line):
    with pytest.raises(WXRError) as caught:
        reader.scan(FIXTURES / name)

    assert message in str(caught.value)
    assert caught.value.line == line
    assert caught.value.column is not None
    assert f"line {line}, column" in str(caught.value)


def test_reader_refuses_a_truncated_file_where_it_ends(tmp_path):
    data = (FIXTURES / "clinic-1.2.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) // 2])

    with pytest.raises(WXRError, match="not well-formed XML"):
        reader.scan(cut)


def test_reader_refuses_xml_that_is_not_a_wordpress_export(tmp_path):
    other = tmp_path / "feed.xml"
    other.write_text('<?xml version="1.0"?><feed><entry/></feed>')

    with pytest.raises(WXRError, match="root element is <feed>"):
        reader.scan(other)


def _big_export(path, items: int, body: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/" ')
        out.write('xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>')
        for n in range(items):
            out.write(
                f"<item><title>Post {n}</title><content:encoded><![CDATA[{body}]]>"
                f"</content:encoded><wp:post_id>{n}</wp:post_id><wp:post_type>post"
                "</wp:post_type></item>"
            )
        out.write("</channel></rss>")


def test_reader_memory_is_bounded_by_the_largest_item_not_the_file(tmp_path):
    big = tmp_path / "big.xml"
    _big_export(big, items=400, body="x" * 50_000)  # a 20 MB file of 50 kB items

    tracemalloc.start()
    try:
        count = sum(1 for _ in reader.parse(big))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 400
    assert peak < 2_000_000


def test_a_misshapen_file_that_is_also_broken_reports_the_syntax_error(tmp_path):
    both = tmp_path / "both.xml"
    both.write_text("<rss>\n<notachannel>\n<item></wrong>\n</notachannel>\n</rss>\n")

    with pytest.raises(WXRError) as caught:
        reader.scan(both)

    assert "mismatched tag" in str(caught.value)
    assert (caught.value.line, caught.value.column) == (3, 9)
