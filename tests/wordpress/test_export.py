import io
import shutil
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Category, Page, Post, Tag
from comments.models import Comment
from tests.builders import make_category, make_page, make_post, make_tag
from wordpress.exporter import Exporter
from wordpress.models import WordPressItem

from .helpers import run_import

pytestmark = pytest.mark.django_db
WP = "{http://wordpress.org/export/1.2/}"


def export(tmp_path) -> tuple[str, ET.Element]:
    target = tmp_path / "site.xml"
    call_command("export_wxr", str(target), "--site-url", "https://cosmediclist.example",
                 stdout=io.StringIO())  # fmt: skip
    text = target.read_text(encoding="utf-8")
    return text, ET.fromstring(text)  # noqa: S314 - our own output


def test_export_writes_a_wxr_1_2_file_of_posts_pages_and_taxonomy(tmp_path):
    skin = make_category(name="Skin", slug="skin", description="All about skin")
    acne = make_category(name="Acne", slug="acne", parent=skin)
    tag = make_tag(name="collagen", slug="collagen")
    make_post(title="Needling", slug="needling", categories=[acne], tags=[tag], is_featured=True)
    make_page(title="About", slug="about-us")

    _, root = export(tmp_path)

    channel = root.find("channel")
    assert channel.findtext(f"{WP}wxr_version") == "1.2"
    assert channel.findtext(f"{WP}base_site_url") == "https://cosmediclist.example"
    names = [c.findtext(f"{WP}category_nicename") for c in channel.iter(f"{WP}category")]
    assert names == ["skin", "acne"]  # parents first, as WordPress needs them
    assert (
        channel.find(f"{WP}category[{WP}category_nicename='acne']").findtext(f"{WP}category_parent")
        == "skin"
    )
    items = {i.findtext(f"{WP}post_name"): i for i in channel.iter("item")}
    post = items["needling"]
    assert post.findtext(f"{WP}post_type") == "post"
    assert post.findtext(f"{WP}status") == "publish"
    assert post.findtext(f"{WP}is_sticky") == "1"
    assert post.findtext("link") == "https://cosmediclist.example/needling/"
    assert [(c.get("domain"), c.get("nicename")) for c in post.findall("category")] == [
        ("category", "acne"),
        ("post_tag", "collagen"),
    ]
    assert items["about-us"].findtext(f"{WP}post_type") == "page"
    ids = [i.findtext(f"{WP}post_id") for i in channel.iter("item")]
    assert len(ids) == len(set(ids))


def test_export_keeps_drafts_and_scheduled_posts_with_their_status(tmp_path):
    make_post(slug="draft-one", published_at=None)
    make_post(slug="later-one", published_at="2099-01-01T00:00:00Z")

    _, root = export(tmp_path)

    status = {i.findtext(f"{WP}post_name"): i.findtext(f"{WP}status") for i in root.iter("item")}
    assert status == {"draft-one": "draft", "later-one": "future"}
    draft = next(i for i in root.iter("item") if i.findtext(f"{WP}post_name") == "draft-one")
    assert draft.findtext(f"{WP}post_date_gmt") == "0000-00-00 00:00:00"


def test_a_trashed_post_or_page_is_exported_as_trash_and_never_comes_back_live(tmp_path):
    post = make_post(slug="withdrawn", published_at="2024-01-01T00:00:00Z")
    page = make_page(slug="old-prices")
    post.move_to_trash()
    page.move_to_trash()

    text, root = export(tmp_path)

    items = {i.findtext(f"{WP}post_name"): i for i in root.iter("item")}
    for slug, before in (("withdrawn", "publish"), ("old-prices", "publish")):
        assert items[slug].findtext(f"{WP}status") == "trash"
        meta = {m.findtext(f"{WP}meta_key"): m.findtext(f"{WP}meta_value")
                for m in items[slug].iter(f"{WP}postmeta")}  # fmt: skip
        assert meta["_wp_trash_meta_status"] == before
        assert int(meta["_wp_trash_meta_time"]) > 0
    Post.objects.all().delete()
    Page.objects.all().delete()
    (tmp_path / "again.xml").write_text(text, encoding="utf-8")
    run_import(tmp_path / "again.xml")
    assert not Post.objects.published().filter(slug="withdrawn").exists()
    assert not Page.objects.published().filter(slug="old-prices").exists()


def test_export_escapes_cdata_closers_and_drops_characters_xml_cannot_hold(tmp_path):
    make_post(slug="tricky", title="Bell\x07 & <title>", excerpt="a ]]> b\x0b", body="<p>c</p>")

    text, root = export(tmp_path)

    item = next(root.iter("item"))
    assert item.findtext("title") == "Bell & <title>"
    assert item.findtext("{http://wordpress.org/export/1.2/excerpt/}encoded") == "a ]]> b"
    assert "]]]]><![CDATA[>" in text
    assert "\x0b" not in text and "\x07" not in text


def test_export_runs_a_fixed_number_of_queries_whatever_the_number_of_posts():
    tags = [make_tag(), make_tag()]
    category = make_category()

    def queries_for(posts: int) -> int:
        Post.objects.all().delete()
        for _ in range(posts):
            make_post(categories=[category], tags=tags)
        out = io.StringIO()
        with CaptureQueriesContext(connection) as captured:
            Exporter(out, "http://x.example").write()
        return len(captured)

    assert queries_for(2) == queries_for(12)


def snapshot() -> dict:
    posts = {
        p.slug: (
            p.title,
            p.excerpt,
            p.body,
            p.published_at.replace(microsecond=0) if p.published_at else None,
            p.is_featured,
            p.comments_open,
            p.author.username,
            p.featured_image_alt,
            bool(p.featured_image),
            sorted(p.categories.values_list("slug", flat=True)),
            sorted(p.tags.values_list("slug", flat=True)),
        )
        for p in Post.objects.select_related("author")
    }
    pages = {
        p.slug: (p.title, p.body, p.published_at.replace(microsecond=0) if p.published_at else None)
        for p in Page.objects.all()
    }
    categories = {
        c.slug: (c.name, c.description, c.parent.slug if c.parent else None)
        for c in Category.objects.select_related("parent")
    }
    tags = dict(Tag.objects.values_list("slug", "name"))
    state = {"posts": posts, "pages": pages, "categories": categories, "tags": tags}
    state["comments"] = sorted(
        (c.post.slug, c.author_name, c.author_email, c.body, c.status, c.is_by_staff,
         c.created_at.replace(microsecond=0), c.parent.body if c.parent else None)
        for c in Comment.objects.select_related("post", "parent").filter(
            status__in=["approved", "pending"]
        )
    )  # fmt: skip
    return state


def empty_the_site() -> None:
    Comment.objects.all().delete()
    Post.objects.all().delete()
    Page.objects.all().delete()
    Category.objects.filter(parent__isnull=False).delete()
    Category.objects.all().delete()
    Tag.objects.all().delete()
    get_user_model().objects.all().delete()
    WordPressItem.objects.all().delete()


def test_round_trip_of_the_demo_site_keeps_posts_pages_and_taxonomy(tmp_path, settings):
    call_command("seed_demo", stdout=io.StringIO())
    before = snapshot()
    assert before["posts"] and before["categories"] and before["tags"] and before["comments"]
    export(tmp_path)
    media_copy = tmp_path / "media-copy"
    shutil.copytree(settings.MEDIA_ROOT, media_copy)
    empty_the_site()
    assert not Post.objects.exists()

    run_import(tmp_path / "site.xml", "--media-dir", str(media_copy))

    assert snapshot() == before


def test_export_carries_approved_and_pending_comments_with_their_threads(tmp_path):
    post = make_post(slug="discussed")
    root = Comment.objects.create(post=post, author_name="Ann", author_email="a@x.example",
                                  body="Root", status="approved")  # fmt: skip
    Comment.objects.create(post=post, parent=root, author_name="Bo", author_email="b@x.example",
                           body="Reply", status="pending")  # fmt: skip
    Comment.objects.create(post=post, author_name="Spammer", body="Spam", status="spam")
    Comment.objects.create(post=post, author_name="Binned", body="Gone", status="trash")

    _, xml = export(tmp_path)

    comments = list(xml.iter(f"{WP}comment"))
    assert [c.findtext(f"{WP}comment_content") for c in comments] == ["Root", "Reply"]
    assert [c.findtext(f"{WP}comment_approved") for c in comments] == ["1", "0"]
    assert comments[1].findtext(f"{WP}comment_parent") == comments[0].findtext(f"{WP}comment_id")
