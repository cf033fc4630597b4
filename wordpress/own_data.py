"""What our models hold that WXR has no field for, written into the export and read back, so
that exporting the site and importing it into an empty one gives the same site.

- Posts and pages carry `_cosmediclist_*` post meta: the SEO fields, the primary category, the
  reviewer and review date, the procedures and the references (lists as JSON).
- Procedures, reviewers and redirects are items of their own post types
  (`cosmediclist_procedure`, `cosmediclist_reviewer`, `cosmediclist_redirect`), written before
  the posts that refer to them; their fields are one `_cosmediclist_fields` JSON meta value.

WordPress's importer keeps every post meta key of posts and pages, so `_cosmediclist_*` meta
survives a stay in WordPress; it refuses items whose post type no plugin registers ("Invalid
post type"), so procedures, reviewers and redirects are only kept by a WordPress site whose
plugin registers those types. The rest of the file imports either way.
"""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING

from articles.models import Category, Page, Post, Procedure, Reference, Reviewer
from medical.signoffs import record_review
from redirects.models import Redirect

from . import records
from .content import to_html

if TYPE_CHECKING:
    from .exporter import Exporter
    from .importer import Importer

PREFIX = "_cosmediclist_"
PROCEDURE, REVIEWER, REDIRECT = (
    "cosmediclist_procedure",
    "cosmediclist_reviewer",
    "cosmediclist_redirect",
)
POST_TYPES = (PROCEDURE, REVIEWER, REDIRECT)
SEO_FIELDS = ("seo_title", "seo_description", "seo_canonical", "seo_noindex")
PROCEDURE_FIELDS = (
    "aliases", "treats", "session_minutes", "downtime", "course_sessions_min",
    "course_sessions_max", "course_interval_weeks", "skin_types", "invasiveness", "setting",
    "cost_min", "cost_max", "cost_currency", "cost_as_of",
)  # fmt: skip
REFERENCE_FIELDS = ("title", "publisher", "year", "url", "doi", "pmid")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _loads(text: str, default: object) -> object:
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default


# -- export -------------------------------------------------------------------------------------


def write_items(exporter: Exporter, first_id: int) -> None:
    """Procedures, reviewers and redirects as items, ids from `first_id` on."""
    wp_id = first_id
    for procedure in Procedure.objects.prefetch_related("related").order_by("pk"):
        fields = {name: getattr(procedure, name) for name in PROCEDURE_FIELDS}
        fields["related"] = sorted(p.slug for p in procedure.related.all())
        wp_id += 1
        exporter.own_item(wp_id, PROCEDURE, procedure.name, procedure.slug, procedure.body,
                          procedure.summary, {"fields": fields})  # fmt: skip
    for reviewer in Reviewer.objects.order_by("pk"):
        wp_id += 1
        fields = {"credentials": reviewer.credentials, "url": reviewer.url}
        exporter.own_item(wp_id, REVIEWER, reviewer.name, reviewer.slug, reviewer.bio, "",
                          {"fields": fields})  # fmt: skip
    for redirect in Redirect.objects.order_by("pk"):
        wp_id += 1
        fields = {"old_path": redirect.old_path, "new_path": redirect.new_path,
                  "status": redirect.status, "source": redirect.source}  # fmt: skip
        exporter.own_item(wp_id, REDIRECT, redirect.old_path, f"redirect-{redirect.pk}", "", "",
                          {"fields": fields})  # fmt: skip


def post_meta(post: Post) -> dict[str, object]:
    """The `_cosmediclist_*` meta of a post (the caller prefetches references and procedures)."""
    meta = {name: getattr(post, name) for name in SEO_FIELDS}
    meta["primary_category"] = post.primary_category.slug if post.primary_category else ""
    meta["reviewed_by"] = post.reviewed_by.slug if post.reviewed_by else ""
    meta["last_reviewed_on"] = post.last_reviewed_on or ""
    meta["procedures"] = [p.slug for p in post.procedures.all()]
    meta["references"] = [
        {name: getattr(ref, name) for name in REFERENCE_FIELDS} for ref in post.references.all()
    ]
    return meta


def page_meta(page: Page) -> dict[str, object]:
    return {name: getattr(page, name) for name in SEO_FIELDS}


def meta_value(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list | dict):
        return _json(value)
    return str(value)


# -- import -------------------------------------------------------------------------------------


def fingerprint(item: records.Item) -> tuple:
    """Our meta, for the importer's digest; empty for files that carry none."""
    return tuple(sorted((k, v) for k, v in item.meta.items() if k.startswith(PREFIX)))


def _meta(item: records.Item, name: str) -> str:
    return item.meta.get(PREFIX + name, "")


def has_own_meta(item: records.Item) -> bool:
    return any(key.startswith(PREFIX) for key in item.meta)


def apply_seo(obj: Post | Page, item: records.Item) -> None:
    if not has_own_meta(item):
        return
    for name in SEO_FIELDS:
        value = _meta(item, name)
        setattr(obj, name, value == "1" if name == "seo_noindex" else value)


def finish_post(imp: Importer, post: Post, item: records.Item) -> None:
    """What a post holds beyond WXR: reviewer, review date, procedures, references."""
    if not has_own_meta(item):
        return
    primary = Category.objects.filter(slug=_meta(item, "primary_category")).first()
    reviewer = Reviewer.objects.filter(slug=_meta(item, "reviewed_by")).first()
    reviewed_on = _meta(item, "last_reviewed_on") or None
    Post.objects.filter(pk=post.pk).update(primary_category=primary)
    slugs = _loads(_meta(item, "procedures"), [])
    post.procedures.set(Procedure.objects.filter(slug__in=slugs))
    post.references.all().delete()
    Reference.objects.bulk_create(
        Reference(
            post=post,
            position=n,
            **{k: ref.get(k) or ("" if k != "year" else None) for k in REFERENCE_FIELDS},
        )
        for n, ref in enumerate(_loads(_meta(item, "references"), []))
    )
    # The review, as a sign-off record of the text just imported (its references included).
    day = datetime.date.fromisoformat(reviewed_on) if reviewed_on else None
    record_review(post, reviewer, day)


def import_item(imp: Importer, item: records.Item) -> None:
    fields = _loads(_meta(item, "fields"), {})
    kind = {PROCEDURE: "procedures", REVIEWER: "reviewers", REDIRECT: "redirects"}[item.post_type]
    if item.post_type == PROCEDURE:
        related = fields.pop("related", [])
        values = {name: fields.get(name) for name in PROCEDURE_FIELDS}
        for name in ("aliases", "treats", "downtime", "skin_types", "invasiveness", "setting",
                     "cost_currency"):  # fmt: skip
            values[name] = values[name] or ""
        values.update(name=item.title, summary=item.excerpt, body=to_html(item.content))
        obj, created = Procedure.objects.update_or_create(slug=item.post_name, defaults=values)
        imp.related_procedures[obj.pk] = related
    elif item.post_type == REVIEWER:
        values = {
            "name": item.title,
            "bio": to_html(item.content),
            "credentials": fields.get("credentials", ""),
            "url": fields.get("url", ""),
        }
        obj, created = Reviewer.objects.update_or_create(slug=item.post_name, defaults=values)
    else:
        values = {"new_path": fields.get("new_path", ""), "status": fields.get("status", 301),
                  "source": fields.get("source", "import")}  # fmt: skip
        obj, created = Redirect.objects.update_or_create(
            old_path=fields.get("old_path") or item.title, defaults=values
        )
    imp.stats.add(kind, "created" if created else "updated")


def link_related(imp: Importer) -> None:
    """Related procedures, once every procedure of the file exists."""
    for pk, slugs in imp.related_procedures.items():
        Procedure.objects.get(pk=pk).related.set(Procedure.objects.filter(slug__in=slugs))
