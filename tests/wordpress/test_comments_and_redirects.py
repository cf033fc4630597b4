"""Comments and redirects from an export."""

import datetime
from http import HTTPStatus

import pytest

from articles.models import AuthorProfile, Post
from comments.models import Comment
from redirects.models import Redirect
from wordpress.models import LegacyPostId

from .helpers import (
    FIXTURES,
    database_state,
    run_import,
    shared_wxr_dir,
)

pytestmark = pytest.mark.django_db
CLINIC = FIXTURES / "clinic-1.2.xml"


def test_comments_keep_their_status_and_pingbacks_are_skipped():

    output = run_import(CLINIC)

    statuses = dict(Comment.objects.values_list("author_name", "status"))
    assert statuses == {
        "Priya": "approved",
        "Dr Maya Okafor": "approved",
        "Lee": "pending",
        "Cheap pills": "spam",
        "Old note": "trash",
    }
    assert "comments: 1 skipped, pingback" in output


def test_comments_by_the_exports_authors_are_the_sites_own_replies():
    run_import(CLINIC)

    reply = Comment.objects.get(author_name="Dr Maya Okafor")
    visitor = Comment.objects.get(author_name="Priya")
    assert reply.user.username == "drmaya"
    assert reply.is_by_staff is True
    assert (visitor.user, visitor.is_by_staff) == (None, False)
    assert visitor.import_key == "wxr:501"
    assert visitor.status_reason == "imported from WordPress"


def test_comments_keep_their_dates_and_depth():
    run_import(CLINIC)

    lee = Comment.objects.get(author_name="Lee")
    assert lee.created_at == datetime.datetime(2024, 3, 16, 8, 0, tzinfo=datetime.UTC)
    assert lee.depth == 3


def test_comments_keep_their_threads_authors_and_addresses():

    run_import(CLINIC)

    reply = Comment.objects.get(author_name="Dr Maya Okafor")
    assert reply.parent.author_name == "Priya"
    assert Comment.objects.get(author_name="Lee").parent == reply
    priya = Comment.objects.get(author_name="Priya")
    assert priya.author_email == "priya@mail.example"
    assert str(priya.ip_address) == "203.0.113.9"
    assert priya.body == "Did it hurt?"
    assert priya.post == Post.objects.get(slug="microneedling-acne-scars")


def test_imported_unpublished_comments_and_emails_never_show_publicly(client):
    run_import(CLINIC)

    page = client.get("/microneedling-acne-scars/").content.decode()

    assert "Did it hurt?" in page
    for hidden in ("Waiting for moderation.", "Buy now", "Binned.", "priya@mail.example",
                   "maya@glow.example", "203.0.113.9"):  # fmt: skip
        assert hidden not in page


def test_importing_comments_twice_changes_nothing():
    run_import(CLINIC)
    before = database_state()

    run_import(CLINIC)

    assert database_state() == before


@pytest.mark.skipif(not shared_wxr_dir().is_dir(), reason="no real-world exports")
def test_the_ten_deep_comment_chain_keeps_every_parent():
    run_import(shared_wxr_dir() / "themeunittestdata.wordpress.xml")

    def depth(comment) -> int:
        return 0 if comment.parent_id is None else 1 + depth(comment.parent)

    assert max(depth(c) for c in Comment.objects.all()) >= 9


def test_old_permalinks_and_post_ids_answer_301_to_the_new_address(client):
    run_import(CLINIC)

    old = client.get("/2024/03/microneedling-acne-scars/")
    by_id = client.get("/?p=101")
    encoded = client.get("/2024/04/%cf%80%cf%81%cf%80-facial/")

    assert old.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert old["Location"] == "/microneedling-acne-scars/"
    assert by_id.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert by_id["Location"] == "/microneedling-acne-scars/"
    assert encoded.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert encoded["Location"] == "/%CF%80%CF%81%CF%80-facial/"


def test_old_page_addresses_answer_301_including_wordpress_query_strings(client):
    run_import(CLINIC)

    for old in ("/about/", "/?page_id=2", "/?p=2"):
        response = client.get(old)
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY, old
        assert response["Location"] == "/about-the-clinic/", old
    renamed = client.get("/feed-page/")
    assert renamed.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert renamed["Location"] == "/feed-2/"


def test_imported_post_ids_keep_their_guid_for_feeds():
    run_import(CLINIC)

    legacy = LegacyPostId.objects.get(wp_id=101)
    assert legacy.post == Post.objects.get(slug="microneedling-acne-scars")
    assert legacy.guid == "https://glow.example/?p=101"
    assert legacy.source_site == "https://glow.example"


def test_the_feed_gives_an_imported_post_its_wordpress_guid(client):
    run_import(CLINIC)

    feed = client.get("/feed/").content.decode()

    assert Post.objects.get(slug="microneedling-acne-scars").guid == "https://glow.example/?p=101"
    assert '<guid isPermaLink="false">https://glow.example/?p=101</guid>' in feed


def test_a_guid_changed_in_a_new_export_becomes_the_posts_feed_id(client, tmp_path):
    run_import(CLINIC)
    changed = tmp_path / "clinic.xml"
    changed.write_text(
        CLINIC.read_text().replace(
            '<guid isPermaLink="false">https://glow.example/?p=101</guid>',
            '<guid isPermaLink="false">urn:uuid:101</guid>',
        )
    )

    run_import(changed)

    assert LegacyPostId.objects.get(wp_id=101).guid == "urn:uuid:101"
    assert Post.objects.get(slug="microneedling-acne-scars").guid == "urn:uuid:101"
    assert '<guid isPermaLink="false">urn:uuid:101</guid>' in client.get("/feed/").content.decode()


def test_redirects_are_counted_in_the_summary_and_not_duplicated():
    first = run_import(CLINIC)
    count = Redirect.objects.count()

    second = run_import(CLINIC)

    row = next(line for line in first.splitlines() if line.startswith("redirects "))
    assert row.split()[1:3] == [str(count + LegacyPostId.objects.count()), "0"]
    assert Redirect.objects.count() == count
    again = next(line for line in second.splitlines() if line.startswith("redirects "))
    assert again.split()[1:4] == ["0", "0", row.split()[1]]


def _comment(wp_id: int, parent: int, text: str) -> str:
    return (
        f"<wp:comment><wp:comment_id>{wp_id}</wp:comment_id><wp:comment_author>Reader {wp_id}"
        f"</wp:comment_author><wp:comment_content>{text}</wp:comment_content>"
        f"<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>{parent}"
        "</wp:comment_parent></wp:comment>"
    )


def test_replies_before_their_parents_and_replies_to_missing_comments_are_threaded(tmp_path):
    export = tmp_path / "order.xml"
    export.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        "<wp:base_site_url>http://order.example</wp:base_site_url><item><title>T</title>"
        "<wp:post_id>1</wp:post_id><wp:post_name>threads</wp:post_name><wp:status>publish"
        "</wp:status><wp:post_type>post</wp:post_type>"
        + _comment(3, 2, "grandchild")
        + _comment(2, 1, "child")
        + _comment(1, 0, "root")
        + _comment(4, 99, "orphan")
        + "</item></channel></rss>"
    )

    output = run_import(export)

    by_body = {c.body: c for c in Comment.objects.all()}
    assert by_body["grandchild"].parent == by_body["child"]
    assert by_body["child"].parent == by_body["root"]
    assert [by_body[b].depth for b in ("root", "child", "grandchild")] == [1, 2, 3]
    assert (by_body["orphan"].parent, by_body["orphan"].depth) == (None, 1)
    assert "Comment 4: its parent 99 is missing." in output


def test_existing_redirects_to_an_old_permalink_now_lead_straight_to_the_post(client):
    Redirect.objects.create(old_path="/very-old/", new_path="/2024/03/microneedling-acne-scars/")

    run_import(CLINIC)

    assert Redirect.objects.get(old_path="/very-old/").new_path == "/microneedling-acne-scars/"
    response = client.get("/very-old/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/microneedling-acne-scars/"


def test_custom_bases_of_the_export_redirect_to_our_addresses(client):
    args = ("--category-base", "topics", "--tag-base", "/label/", "--author-base", "writer")
    run_import(FIXTURES / "clinic-1.2.xml", *args)

    for old, new in (
        ("/topics/skin/acne-scars/", "/category/skin/acne-scars/"),
        ("/topics/skin/acne-scars/feed/", "/category/skin/acne-scars/feed/"),
        ("/label/collagen/", "/tag/collagen/"),
        ("/label/collagen/feed/", "/tag/collagen/feed/"),
        ("/writer/drmaya/", AuthorProfile.objects.get(user__username="drmaya").get_absolute_url()),
    ):
        response = client.get(old)
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY, old
        assert response["Location"] == new
    again = run_import(FIXTURES / "clinic-1.2.xml", *args)
    redirects = next(line for line in again.splitlines() if line.startswith("redirects"))
    assert redirects.split()[1:3] == ["0", "0"]


def test_custom_bases_are_found_in_the_links_of_the_export(client, tmp_path):
    export = tmp_path / "bases.xml"
    links = (
        '<a href="https://based.example/topics/skin/">Skin</a> '
        '<a href="/topics/skin/scars/feed/">feed</a> <a href="/label/collagen/">tag</a> '
        '<a href="https://based.example/writer/maya/">Maya</a> '
        '<a href="https://based.example/category/skin/">default base</a> '
        '<a href="https://elsewhere.example/subject/skin/">another site</a>'
    )
    export.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<wp:base_site_url>https://based.example</wp:base_site_url>"
        "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>maya</wp:author_login>"
        "<wp:author_display_name>Maya Obi</wp:author_display_name></wp:author>"
        "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>skin"
        "</wp:category_nicename><wp:cat_name>Skin</wp:cat_name></wp:category>"
        "<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>scars"
        "</wp:category_nicename><wp:category_parent>skin</wp:category_parent>"
        "<wp:cat_name>Scars</wp:cat_name></wp:category>"
        "<wp:tag><wp:term_id>3</wp:term_id><wp:tag_slug>collagen</wp:tag_slug>"
        "<wp:tag_name>collagen</wp:tag_name></wp:tag>"
        "<item><title>Links</title><dc:creator xmlns:dc='http://purl.org/dc/elements/1.1/'>maya"
        f"</dc:creator><content:encoded><![CDATA[<p>{links}</p>]]></content:encoded>"
        "<wp:post_id>1</wp:post_id><wp:post_name>links</wp:post_name>"
        "<wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item></channel></rss>",
        encoding="utf-8",
    )

    output = run_import(export)

    assert "Custom category base “topics” found in the export's links" in output
    assert "Custom tag base “label”" in output and "Custom author base “writer”" in output
    author = AuthorProfile.objects.get(user__username="maya").get_absolute_url()
    for old, new in (
        ("/topics/skin/", "/category/skin/"),
        ("/topics/skin/scars/feed/", "/category/skin/scars/feed/"),
        ("/label/collagen/", "/tag/collagen/"),
        ("/writer/maya/", author),
    ):
        response = client.get(old)
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY, old
        assert response["Location"] == new
    assert client.get("/subject/skin/").status_code == HTTPStatus.NOT_FOUND

    Redirect.objects.all().delete()
    output = run_import(export, "--category-base", "subjects")  # named: it wins
    assert "Custom category base" not in output
    assert client.get("/subjects/skin/")["Location"] == "/category/skin/"
