"""Our own site exported and imported into an empty database is the same site, field by field."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Category, Page, Post, Procedure, Reviewer, Tag
from comments.models import Comment
from redirects.models import Redirect
from wordpress.models import LegacyPostId, WordPressItem
from wordpress.own_data import PROCEDURE_FIELDS, REFERENCE_FIELDS, SEO_FIELDS

from .helpers import run_import

pytestmark = pytest.mark.django_db


def _second(moment):
    return moment.replace(microsecond=0) if moment else None


def snapshot() -> dict:
    posts = {}
    for post in Post.objects.select_related("author", "primary_category", "reviewed_by"):
        posts[post.slug] = {
            **{f: getattr(post, f) for f in ("title", "excerpt", "body", "is_featured",
                                             "comments_open", "last_reviewed_on", *SEO_FIELDS)},
            "published_at": _second(post.published_at),
            "author": post.author.username,
            "primary_category": post.primary_category and post.primary_category.slug,
            "reviewed_by": post.reviewed_by and post.reviewed_by.slug,
            "categories": sorted(c.slug for c in post.categories.all()),
            "tags": sorted(t.slug for t in post.tags.all()),
            "procedures": sorted(p.slug for p in post.procedures.all()),
            "references": [[getattr(r, f) for f in REFERENCE_FIELDS]
                           for r in post.references.all()],
            "featured_image": bool(post.featured_image),
            "featured_image_alt": post.featured_image_alt,
        }  # fmt: skip
    comments = sorted(
        (c.post.slug, c.author_name, c.body, c.status, _second(c.created_at),
         c.parent and (c.parent.author_name, c.parent.body))
        for c in Comment.objects.select_related("post", "parent")
    )  # fmt: skip
    return {
        "posts": posts,
        "pages": {
            p.slug: [p.title, p.body, _second(p.published_at), *(getattr(p, f) for f in SEO_FIELDS)]
            for p in Page.objects.all()
        },
        "procedures": {
            p.slug: [
                p.name,
                p.summary,
                p.body,
                *(getattr(p, f) for f in PROCEDURE_FIELDS),
                sorted(r.slug for r in p.related.all()),
            ]
            for p in Procedure.objects.all()
        },
        "reviewers": sorted(
            Reviewer.objects.values_list("slug", "name", "credentials", "bio", "url")
        ),
        "redirects": sorted(
            Redirect.objects.values_list("old_path", "new_path", "status", "source")
        ),
        "categories": sorted(
            (c.slug, c.name, c.description, c.parent and c.parent.slug)
            for c in Category.objects.select_related("parent")
        ),
        "tags": sorted(Tag.objects.values_list("slug", "name")),
        "comments": comments,
    }


def empty_the_site() -> None:
    # Redirects last: deleting live posts leaves 410 records behind.
    for model in (Comment, LegacyPostId, WordPressItem, Post, Page, Procedure, Reviewer, Tag,
                  Redirect):  # fmt: skip
        model.objects.all().delete()
    Category.objects.filter(parent__isnull=False).update(parent=None)
    Category.objects.all().delete()
    get_user_model().objects.all().delete()


def test_the_demo_site_survives_export_and_import_into_an_empty_database(tmp_path, settings):
    call_command("seed_demo", stdout=io.StringIO())
    post = Post.objects.filter(procedures__isnull=False).first()
    Post.objects.filter(pk=post.pk).update(seo_canonical="https://elsewhere.example/original/",
                                           seo_noindex=True)  # fmt: skip
    Page.objects.update(seo_title="A page title", seo_description="What the page says.")
    Redirect.objects.record_move("/old-address/", post.get_absolute_url())
    before = snapshot()
    assert before["procedures"] and before["reviewers"] and before["redirects"]
    assert any(p["references"] for p in before["posts"].values())
    assert any(p["reviewed_by"] and p["last_reviewed_on"] for p in before["posts"].values())
    assert any(p["featured_image"] for p in before["posts"].values())
    assert any(c[5] for c in before["comments"])  # threads
    assert {c[3] for c in before["comments"]} >= {"approved", "pending"}

    target = tmp_path / "site.xml"
    call_command("export_wxr", str(target), "--site-url", "https://cosmediclist.example",
                 stdout=io.StringIO())  # fmt: skip
    empty_the_site()
    assert not Post.objects.exists() and not Procedure.objects.exists()
    run_import(target, "--media-dir", str(settings.MEDIA_ROOT))

    after = snapshot()
    # The import adds WordPress's id addresses of the file's pages (/?page_id=<id>); no more.
    added = set(after["redirects"]) - set(before["redirects"])
    assert added
    assert all(old.startswith(("/?p=", "/?page_id=")) and source == "import"
               for old, _, _, source in added), added  # fmt: skip
    after["redirects"] = sorted(set(after["redirects"]) - added)
    for key in before:
        assert after[key] == before[key], key
