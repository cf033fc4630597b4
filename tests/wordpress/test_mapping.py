import datetime

import pytest

from wordpress.mapping import decode_slug, ip_or_none, item_date
from wordpress.records import Item
from wordpress.summary import Stats

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("raw", "slug"),
    [
        ("%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2", "επίπεδο-2"),
        ("%E2%9C%93-done", "✓-done"),
        ("plain-slug", "plain-slug"),
        ("100%-natural", "100%-natural"),
        ("%ff%fe-not-utf8", "%ff%fe-not-utf8"),
        ("hello-w\u202eorld\u202c-💫", "hello-w\u202eorld\u202c-💫"),
    ],
)
def test_percent_encoded_slugs_are_decoded_and_anything_else_kept(raw, slug):
    assert decode_slug(raw) == slug


def test_item_dates_prefer_gmt_then_the_rss_date_then_the_local_date():
    gmt = Item(
        id=1, post_date_gmt="2024-03-14 09:30:00", pub_date="Fri, 01 Mar 2024 00:00:00 +0000"
    )
    rss = Item(
        id=2, post_date_gmt="0000-00-00 00:00:00", pub_date="Thu, 14 Mar 2024 09:30:00 +0100"
    )
    local = Item(id=3, post_date="2024-03-14 10:30:00", pub_date="Mon, 30 Nov -0001 00:00:00 +0000")
    nothing = Item(id=4)

    assert item_date(gmt) == datetime.datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
    assert item_date(rss) == datetime.datetime(2024, 3, 14, 8, 30, tzinfo=UTC)
    assert item_date(local) == datetime.datetime(2024, 3, 14, 10, 30, tzinfo=UTC)
    assert item_date(nothing) is None


@pytest.mark.parametrize(
    ("raw", "kept"),
    [("203.0.113.9", "203.0.113.9"), ("2001:db8::1", "2001:db8::1"), ("", None),
     ("unknown", None), ("1.2.3.4, 5.6.7.8", None)],
)  # fmt: skip
def test_only_real_ip_addresses_are_kept_for_comments(raw, kept):
    assert ip_or_none(raw) == kept


def test_summary_table_lists_counts_reasons_and_notes():
    stats = Stats()
    stats.add("posts", "created", 3)
    stats.add("posts", "unchanged")
    stats.skip("posts", "status 'trash'", 2)
    stats.note("post 7: something worth knowing")

    table = stats.table()

    assert table.splitlines()[0].split() == ["kind", "created", "updated", "unchanged", "skipped"]
    assert table.splitlines()[2].split() == ["posts", "3", "0", "1", "2"]
    assert "posts: 2 skipped, status 'trash'" in table
    assert "post 7: something worth knowing" in table
    assert "authors" not in table
    assert stats.changed is True
    assert Stats().changed is False
