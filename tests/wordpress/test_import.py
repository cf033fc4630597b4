import datetime
import io
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError

from articles.models import Category, Page, Post, Tag
from tests.builders import make_post, make_user
from wordpress.importer import Importer
from wordpress.management.commands.import_wxr import Progress
from wordpress.models import WordPressItem

from .helpers import CLINIC, FIXTURES, database_state, run_import, stored_files

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_import_creates_the_site_content_from_an_export():
    output = run_import(CLINIC)

    assert sorted(Post.objects.values_list("slug", flat=True)) == [
        "half-written-draft",
        "members-prices",
        "microneedling-acne-scars",
        "pending-review",
        "staff-only",
        "unicode-traps-💉",
        "πρπ-facial",
    ]
    assert sorted(Page.objects.values_list("slug", flat=True)) == ["about-the-clinic", "feed-2"]
    assert sorted(Category.objects.values_list("slug", flat=True)) == [
        "acne-scars",
        "skin",
        "éclat",
    ]
    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["collagen", "needling", "prp"]
    assert "Imported clinic-1.2.xml" in output


def test_import_keeps_titles_excerpts_and_text_exactly():
    run_import(CLINIC)

    post = Post.objects.get(slug="πρπ-facial")
    assert post.title == 'PRP & microneedling: a "vampire" facial?'
    assert 'Backslashes stay: C:\\clinic\\notes and \\"quotes\\" &amp; an entity – here.' in (
        post.body
    )
    future = Post.objects.get(slug="unicode-traps-💉")
    assert future.title == "Ünïcödé \u202etraps\u202c in a title\u200b 💉 e\u0301"
    first = Post.objects.get(slug="microneedling-acne-scars")
    assert first.excerpt == "What the evidence says about needling & scars."


def test_import_maps_wordpress_statuses_to_publishing_dates():
    run_import(CLINIC)

    published = Post.objects.get(slug="microneedling-acne-scars")
    assert published.published_at == datetime.datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
    assert published.is_live
    scheduled = Post.objects.get(slug="unicode-traps-💉")
    assert scheduled.published_at == datetime.datetime(2050, 1, 1, 9, 0, tzinfo=UTC)
    assert scheduled.status == "scheduled"
    for slug in ("half-written-draft", "pending-review", "staff-only", "members-prices"):
        assert Post.objects.get(slug=slug).published_at is None, slug
    assert not Post.objects.filter(title__in=["Deleted post", "Auto Draft"]).exists()


def test_import_maps_sticky_and_comment_status():
    run_import(CLINIC)

    first = Post.objects.get(slug="microneedling-acne-scars")
    second = Post.objects.get(slug="πρπ-facial")
    assert (first.is_featured, first.comments_open) == (True, True)
    assert (second.is_featured, second.comments_open) == (False, False)


def test_import_links_categories_to_parents_and_posts_to_their_terms():
    run_import(CLINIC)

    child = Category.objects.get(slug="acne-scars")
    assert child.parent == Category.objects.get(slug="skin")
    assert child.description == "Boxcar, rolling & ice-pick scars."
    assert Category.objects.get(slug="éclat").name == "Éclat"
    first = Post.objects.get(slug="microneedling-acne-scars")
    assert list(first.categories.values_list("slug", flat=True)) == ["acne-scars"]
    assert sorted(first.tags.values_list("name", flat=True)) == ["collagen", "needling"]
    second = Post.objects.get(slug="πρπ-facial")
    assert sorted(second.categories.values_list("slug", flat=True)) == ["skin", "éclat"]
    assert list(second.tags.values_list("name", flat=True)) == ["PRP"]


def test_import_turns_authors_into_inactive_users_who_cannot_sign_in():
    run_import(CLINIC)

    maya = get_user_model().objects.get(username="drmaya")
    assert (maya.first_name, maya.last_name, maya.email) == ("Maya", "Okafor", "maya@glow.example")
    assert maya.is_active is False
    assert maya.has_usable_password() is False
    assert maya.is_staff is False
    assert Post.objects.get(slug="microneedling-acne-scars").author == maya


def test_import_gives_a_clashing_author_login_a_new_username_and_says_so():
    existing = make_user(username="drmaya")

    output = run_import(CLINIC)

    post = Post.objects.get(slug="microneedling-acne-scars")
    assert post.author != existing
    assert post.author.username == "drmaya-2"
    assert "Author 'drmaya' became user 'drmaya-2'" in output


def test_author_map_gives_posts_to_existing_users(tmp_path):
    editor = make_user(username="editor-in-chief")
    mapping = tmp_path / "authors.json"
    mapping.write_text('{"drmaya": "editor-in-chief"}')

    run_import(CLINIC, "--author-map", str(mapping))

    assert Post.objects.get(slug="microneedling-acne-scars").author == editor
    assert not get_user_model().objects.filter(username="drmaya").exists()


def test_author_map_naming_an_unknown_user_stops_before_writing(tmp_path):
    mapping = tmp_path / "authors.json"
    mapping.write_text('{"drmaya": "nobody"}')

    with pytest.raises(CommandError, match="does not exist: 'nobody'"):
        run_import(CLINIC, "--author-map", str(mapping))

    assert not Post.objects.exists()


def test_import_keeps_slugs_and_suffixes_only_reserved_or_taken_ones():
    make_post(slug="pending-review", title="Our own post")

    output = run_import(CLINIC)

    assert Post.objects.filter(title="Pending review").get().slug == "pending-review-2"
    assert Page.objects.get(title="Feed").slug == "feed-2"
    assert "slug 'feed' is taken or reserved here, imported as 'feed-2'" in output
    assert "slug 'pending-review' is taken or reserved here" in output


def test_imported_posts_answer_at_their_old_addresses(client):
    run_import(CLINIC)

    assert client.get("/microneedling-acne-scars/").status_code == HTTPStatus.OK
    assert client.get("/%CF%80%CF%81%CF%80-facial/").status_code == HTTPStatus.OK
    assert client.get("/about-the-clinic/").status_code == HTTPStatus.OK
    assert client.get("/half-written-draft/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/members-prices/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/unicode-traps-%F0%9F%92%89/").status_code == HTTPStatus.NOT_FOUND


def test_imported_posts_are_found_by_search_and_drafts_are_not(client):
    run_import(CLINIC)

    found = client.get("/search/?q=vampire").content.decode()
    draft = client.get("/search/?q=half-written").content.decode()

    assert "PRP &amp; microneedling: a &quot;vampire&quot; facial?" in found
    assert "Half-written draft" not in draft


def test_running_the_same_import_twice_changes_nothing(media_dir, settings):
    run_import(CLINIC, "--media-dir", str(media_dir))
    before, files = database_state(), stored_files(settings)

    output = run_import(CLINIC, "--media-dir", str(media_dir))

    assert database_state() == before
    assert stored_files(settings) == files
    assert "Nothing changed: clinic-1.2.xml was already imported." in output


def test_a_later_export_adds_new_posts_and_updates_changed_ones(tmp_path):
    run_import(CLINIC)
    first = Post.objects.get(slug="microneedling-acne-scars")
    untouched = Post.objects.get(slug="πρπ-facial")
    text = CLINIC.read_text()
    text = text.replace("It prompts new collagen.", "It prompts new collagen and elastin.")
    extra = text[
        text.index("\t<item>\n\t\t<title>Pending review") : text.index(
            "\t<item>\n\t\t<title>Staff only"
        )
    ]
    extra = extra.replace("105", "110").replace("pending-review", "brand-new-post")
    text = text.replace("</channel>", extra + "</channel>")
    later = tmp_path / "later.xml"
    later.write_text(text)

    output = run_import(later)

    assert Post.objects.count() == 8
    assert Post.objects.filter(slug="brand-new-post").exists()
    first.refresh_from_db()
    assert "collagen and elastin" in first.body
    assert Post.objects.get(pk=untouched.pk).updated_at == untouched.updated_at
    assert "posts" in output


def test_a_post_deleted_here_is_imported_again():
    run_import(CLINIC)
    Post.objects.filter(slug="staff-only").delete()

    run_import(CLINIC)

    assert Post.objects.filter(slug="staff-only").count() == 1
    assert Post.objects.count() == 7


def test_dry_run_reports_what_would_change_and_writes_nothing(media_dir, settings):
    before = database_state()

    output = run_import(CLINIC, "--dry-run", "--media-dir", str(media_dir))

    assert database_state() == before
    assert stored_files(settings) == []
    assert "Dry run: nothing was written" in output
    posts_row = next(line for line in output.splitlines() if line.startswith("posts "))
    assert posts_row.split()[1] == "7"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken-mismatched.xml", "mismatched tag (line 14, column 18)"),
        ("broken-entity-bomb.xml", "document type declaration is not allowed"),
        ("broken-external-entity.xml", "document type declaration is not allowed"),
        ("broken-undeclared-entity.xml", "undefined entity"),
        ("broken-not-xml.txt", "not well-formed XML: syntax error (line 1, column 1)"),
    ],
)
def test_broken_input_is_refused_with_a_clear_message_and_nothing_written(name, message):
    run_import(FIXTURES / "https-1.1.xml")
    before = database_state()

    with pytest.raises(CommandError) as caught:
        run_import(FIXTURES / name)

    assert message in str(caught.value)
    assert "Nothing was imported." in str(caught.value)
    assert database_state() == before


def test_a_truncated_export_is_refused_and_nothing_written(tmp_path):
    data = CLINIC.read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: int(len(data) * 0.9)])
    run_import(FIXTURES / "https-1.1.xml")
    before = database_state()

    with pytest.raises(CommandError, match=r"not well-formed XML: .* \(line \d+, column \d+\)"):
        run_import(cut)

    assert database_state() == before


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run_import(tmp_path / "nope.xml")


def test_an_interrupted_import_rolls_back_rows_and_files(media_dir, settings):
    def interrupt(done: int, total: int) -> None:
        if done >= total - 1:
            raise KeyboardInterrupt

    importer = Importer(CLINIC, media_dir=media_dir, progress=interrupt)

    with pytest.raises(KeyboardInterrupt):
        importer.run()

    assert not Post.objects.exists()
    assert not WordPressItem.objects.exists()
    assert importer.written  # files had been written…
    assert stored_files(settings) == []  # …and are gone again


def test_recovered_cdata_is_imported_with_its_text_intact():
    output = run_import(FIXTURES / "nested-cdata.xml")

    post = Post.objects.get(slug="escaping-in-xml")
    assert post.body == "<p>Write &lt;![CDATA[ raw ]]&gt; sections; a lone ]]&gt; too.</p>"
    assert post.excerpt == "Modern escape: ]]> kept."
    assert "Recovered CDATA sections" in output


def test_wxr_1_0_files_without_an_author_list_import():
    run_import(FIXTURES / "old-1.0.xml")

    post = Post.objects.get(slug="chemical-peels")
    assert post.author.username == "editor"
    assert post.published_at == datetime.datetime(2009, 10, 20, 16, 13, 20, tzinfo=UTC)
    assert post.body == (
        "<p>A peel removes the top layer.<br>\nThen it heals.</p>\n<pre>line one\n\nline two</pre>"
    )
    assert list(post.categories.values_list("name", flat=True)) == ["Peels"]


def test_the_summary_counts_skipped_items_with_their_reasons():
    output = run_import(CLINIC)

    assert "posts: 1 skipped, status 'auto-draft'" in output
    assert "posts: 1 skipped, status 'trash'" in output
    assert "attachments: 1 skipped, post type 'attachment' is not imported" in output
    assert "menu items: 1 skipped, post type 'nav_menu_item' is not imported" in output
    assert "terms: 1 skipped, taxonomy 'nav_menu' not supported" in output
    assert "comments: 1 skipped, pingback" in output
    assert "post 107 is password-protected: imported as a draft." in output


def test_progress_shows_counts_and_rate():
    stream = io.StringIO()

    Progress(stream)(50, 100)
    Progress(stream)(100, 100)

    text = stream.getvalue()
    assert "50/100 records" in text
    assert "/s" in text
    assert text.endswith("\n")


def test_exports_in_a_legacy_encoding_are_read(tmp_path):
    latin = tmp_path / "latin.xml"
    text = (FIXTURES / "https-1.1.xml").read_text().replace("UTF-8", "ISO-8859-1")
    latin.write_bytes(
        text.replace("Lasers and darker skin", "Lasers et peau foncée").encode("latin-1")
    )

    run_import(latin)

    assert Post.objects.get().title == "Lasers et peau foncée"


def test_category_parents_that_would_loop_are_reported_not_linked(tmp_path):
    looping = tmp_path / "loop.xml"
    looping.write_text(
        CLINIC.read_text().replace(
            "<wp:category_nicename><![CDATA[skin]]></wp:category_nicename>"
            "<wp:category_parent><![CDATA[]]>",
            "<wp:category_nicename><![CDATA[skin]]></wp:category_nicename>"
            "<wp:category_parent><![CDATA[acne-scars]]>",
        )
    )

    output = run_import(looping)

    assert Category.objects.get(slug="acne-scars").parent.slug == "skin"
    assert Category.objects.get(slug="skin").parent is None
    assert "Category 'skin': parent 'acne-scars' would make a loop." in output
