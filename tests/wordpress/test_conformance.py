"""The importer against real WordPress exports in ../shared/data/wxr (skipped where absent).

Expected values are computed here from the XML itself, independently of the importer.
"""

import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import unquote

import pytest
from django.core.management import CommandError

from articles.models import Category, Page, Post, Tag
from comments.models import Comment
from wordpress import reader
from wordpress.models import WordPressItem

from .helpers import database_state, run_import, shared_wxr_dir

DATA = shared_wxr_dir()
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not DATA.is_dir(), reason=f"no real-world exports at {DATA}"),
]
BROKEN = {"malformed.xml"}
VALID = sorted(p.name for p in DATA.glob("*.xml") if p.name not in BROKEN) if DATA.is_dir() else []
COMMENT_STATUS = {"1": "approved", "0": "pending", "spam": "spam", "trash": "trash"}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def expected(name: str) -> dict:
    data = (DATA / name).read_bytes()
    try:
        root = ET.fromstring(data)  # noqa: S314 - test data, read by the standard parser
    except ET.ParseError:
        root = ET.fromstring(b"".join(reader.repair_cdata([data])))  # noqa: S314
    channel = root.find("channel")
    categories, tags = set(), set()
    posts, pages, comments = [], [], Counter()
    for node in channel:
        kind = local(node.tag)
        fields = {local(c.tag): (c.text or "") for c in node}
        if kind == "category":
            categories.add(unquote(fields["category_nicename"].strip()))
        elif kind == "tag":
            tags.add(unquote(fields["tag_slug"].strip()))
        elif kind == "term" and fields.get("term_taxonomy") in ("category", "post_tag"):
            target = categories if fields["term_taxonomy"] == "category" else tags
            target.add(unquote(fields["term_slug"].strip()))
        elif kind == "item":
            if fields.get("status") in ("trash", "auto-draft"):
                continue
            for term in node.findall("category"):
                if term.get("domain") == "category":
                    categories.add(unquote(term.get("nicename", "").strip()))
                elif term.get("domain") == "post_tag":
                    tags.add(unquote(term.get("nicename", "").strip()))
            entry = (int(fields["post_id"]), fields["title"], unquote(fields["post_name"].strip()))
            if fields.get("post_type") == "post":
                posts.append(entry)
                for comment in node:
                    if local(comment.tag) != "comment":
                        continue
                    c = {local(x.tag): (x.text or "") for x in comment}
                    if c.get("comment_type") not in ("pingback", "trackback"):
                        comments[COMMENT_STATUS.get(c["comment_approved"], "trash")] += 1
            elif fields.get("post_type") == "page":
                pages.append(entry)
    return {"categories": categories, "tags": tags, "posts": posts, "pages": pages,
            "comments": comments}  # fmt: skip


def imported(model, wp_type: str) -> dict[int, object]:
    rows = WordPressItem.objects.filter(wp_type=wp_type)
    objects = model.objects.in_bulk([r.object_id for r in rows])
    return {int(r.wp_id): objects[r.object_id] for r in rows}


@pytest.mark.parametrize("name", VALID)
def test_every_valid_export_imports_with_counts_titles_and_slugs_as_in_the_file(name):
    want = expected(name)

    run_import(DATA / name)

    assert Post.objects.count() == len(want["posts"])
    assert Page.objects.count() == len(want["pages"])
    assert set(Category.objects.values_list("slug", flat=True)) == want["categories"]
    assert set(Tag.objects.values_list("slug", flat=True)) == want["tags"]
    for model, wp_type, entries in ((Post, "post", want["posts"]), (Page, "page", want["pages"])):
        found = imported(model, wp_type)
        for wp_id, title, slug in entries:
            assert found[wp_id].title == title
            if slug:
                assert found[wp_id].slug == slug


@pytest.mark.parametrize("name", VALID)
def test_every_valid_export_imports_its_comments_by_status(name):
    want = expected(name)

    run_import(DATA / name)

    assert Counter(Comment.objects.values_list("status", flat=True)) == want["comments"]


def test_unicode_traps_survive_in_titles_slugs_and_terms():
    run_import(DATA / "wxr-utf-8-challenges.xml")

    post = Post.objects.get()
    assert post.title == (
        '"The Road \u202eNot\u202c Taken" by Rob\u202dert \u202eFrost \u202a🌲\u202c'
    )
    assert post.slug == "hello-w\u202eorld\u202c-utf8-💫-test"
    assert post.author.username == "admin\u200c\u200b\u200d\u200e"
    assert Category.objects.get().slug == "uncat\u202eegorized\u202c"
    assert "𝓣𝓮𝓼𝓽 𝓜𝓾𝓵𝓽𝓲-𝓑𝔂𝓽𝓮: 🚀🌟💫⭐️🔥💯🎉🎊🌈🦄" in post.body
    assert "السلام عليكم وﷲ" in post.body
    assert post.excerpt.startswith("T̷̢̯̭̈h̶̰̾i̵̱̇s̶̰̍")


def test_crazy_cdata_is_recovered_and_imported_faithfully():
    run_import(DATA / "crazy-cdata.xml")

    post = Post.objects.get()
    assert post.body == "<p>Content with nested &lt;![CDATA[ tags ]]&gt; :)</p>"


def test_slashes_are_kept_exactly():
    run_import(DATA / "slashes.xml")

    assert Post.objects.get().body == '<p>Slashes aren\\\'t \\"cool\\"</p>'
    assert Category.objects.get().name == 'a \\"great\\" category'
    assert Tag.objects.get(slug="tag1").name == "foo\\'bar"


def test_blank_lines_become_paragraphs():
    run_import(DATA / "post-content-blank-lines.xml")

    assert Post.objects.get().body == (
        "<p>This is an example of a WordPress post.<br>\n\t\tIt has lines with text (and one "
        "blank line).</p>\n<p>And more lines with text.</p>"
    )


def test_category_parents_follow_the_file():
    run_import(DATA / "themeunittestdata.wordpress.xml")

    child = Category.objects.get(slug="child-category-01")
    assert child.parent.slug == "parent-category"


def test_malformed_export_is_refused_with_line_and_column_and_nothing_written():
    run_import(DATA / "slashes.xml")
    before = database_state()

    with pytest.raises(CommandError, match=r"malformed\.xml: .*\(line \d+, column \d+\)"):
        run_import(DATA / "malformed.xml")

    assert database_state() == before


@pytest.mark.parametrize("name", VALID)
def test_importing_a_real_export_twice_changes_nothing(name):
    run_import(DATA / name)
    before = database_state()

    output = run_import(DATA / name)

    assert database_state() == before
    assert "Nothing changed" in output


@pytest.mark.parametrize("name", VALID)
def test_dry_run_of_a_real_export_writes_nothing(name):
    before = database_state()

    output = run_import(DATA / name, "--dry-run")

    assert database_state() == before
    assert not WordPressItem.objects.exists()
    assert "Dry run: nothing was written" in output
