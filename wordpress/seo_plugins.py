"""What the SEO plugins of a WordPress site keep in post meta, read into our SEO fields.

Yoast SEO (`_yoast_wpseo_*`) and Rank Math (`rank_math_*`) both store per post a title, a
description, a canonical URL, a robots setting and a primary category (a term id). Titles and
descriptions hold the plugin's variables (`%%title%% %%sep%% %%sitename%%` for Yoast,
`%title% %sep% %sitename%` for Rank Math), which the plugin replaces when it renders the page;
we replace them once, on import, with what the plugin would have put there. Variables we cannot
know (`%%page%%` on a single page is empty, unknown ones) go away as the plugins drop them, and
a separator left dangling at either end with them.

Yoast's noindex is `_yoast_wpseo_meta-robots-noindex` = "1" ("2" forces index, empty follows the
post type's default, which is index). Rank Math's is `rank_math_robots`, a PHP-serialised list
such as `a:2:{i:0;s:7:"noindex";i:1;s:8:"nofollow";}`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.html import strip_tags

from articles.markup import summarise

from . import records

if TYPE_CHECKING:
    from .importer import Importer

# The separator both plugins use out of the box.
DEFAULT_SEPARATOR = "-"


@dataclass(frozen=True)
class Plugin:
    name: str
    pattern: re.Pattern
    title: str
    description: str
    canonical: str
    primary_category: str
    noindex: Callable[[dict[str, str]], bool]


def _yoast_noindex(meta: dict[str, str]) -> bool:
    return meta.get("_yoast_wpseo_meta-robots-noindex", "").strip() == "1"


def _rank_math_noindex(meta: dict[str, str]) -> bool:
    return '"noindex"' in meta.get("rank_math_robots", "")


PLUGINS = (
    Plugin(
        "Yoast SEO",
        re.compile(r"%%([a-z0-9_-]+)%%"),
        "_yoast_wpseo_title",
        "_yoast_wpseo_metadesc",
        "_yoast_wpseo_canonical",
        "_yoast_wpseo_primary_category",
        _yoast_noindex,
    ),
    Plugin(
        "Rank Math",
        re.compile(r"%([a-z_]+)%"),
        "rank_math_title",
        "rank_math_description",
        "rank_math_canonical_url",
        "rank_math_primary_category",
        _rank_math_noindex,
    ),
)


@dataclass
class SEO:
    """What an item's plugin meta says, variables expanded; empty values when it says nothing."""

    plugin: str = ""
    title: str = ""
    description: str = ""
    canonical: str = ""
    noindex: bool = False
    primary_category: str = ""  # the category's slug
    fields: list[str] = field(default_factory=list)  # the names of the fields that came in

    def fingerprint(self) -> tuple:
        return (self.title, self.description, self.canonical, self.noindex, self.primary_category)


def remember_term(imp: Importer, term: records.Term) -> None:
    """Plugins name the primary category by term id: keep the ids the export declares."""
    if term.taxonomy == "category" and term.term_id is not None:
        imp.category_ids[term.term_id] = term.slug


def read(imp: Importer, item: records.Item) -> SEO:
    meta = item.meta
    for plugin in PLUGINS:
        keys = (plugin.title, plugin.description, plugin.canonical, plugin.primary_category)
        if not any(meta.get(key, "").strip() for key in keys) and not plugin.noindex(meta):
            continue
        values = _Variables(imp, item, meta)
        seo = SEO(plugin=plugin.name)
        seo.title = _expand(plugin.pattern, meta.get(plugin.title, ""), values)
        seo.description = _expand(plugin.pattern, meta.get(plugin.description, ""), values)
        seo.canonical = meta.get(plugin.canonical, "").strip()
        seo.noindex = plugin.noindex(meta)
        raw = meta.get(plugin.primary_category, "").strip()
        seo.primary_category = imp.category_ids.get(int(raw), "") if raw.isdigit() else ""
        seo.fields = [
            name
            for name, value in (
                ("title", seo.title),
                ("description", seo.description),
                ("canonical", seo.canonical),
                ("noindex", seo.noindex),
                ("primary category", seo.primary_category),
            )
            if value
        ]
        return seo
    return SEO()


def count(imp: Importer, seo: SEO) -> None:
    """The summary line: how many SEO fields came in, per plugin."""
    if seo.fields:
        imp.seo_fields[seo.plugin] = imp.seo_fields.get(seo.plugin, 0) + len(seo.fields)


def summary(imp: Importer) -> None:
    for plugin, n in sorted(imp.seo_fields.items()):
        imp.stats.note(f"SEO fields from {plugin}: {n}.")


class _Variables:
    """The values of the variables both plugins know, for one item."""

    def __init__(self, imp: Importer, item: records.Item, meta: dict[str, str]) -> None:
        self.imp, self.item, self.meta = imp, item, meta

    def __call__(self, name: str) -> str:
        item, site = self.item, self.imp.scan.site
        categories = [t.name for t in item.terms if t.domain == "category"]
        tags = [t.name for t in item.terms if t.domain == "post_tag"]
        match name:
            case "title":
                return item.title
            case "sitename":
                return site.title
            case "sitedesc" | "tagline":
                return site.description
            case "sep":
                return DEFAULT_SEPARATOR
            case "excerpt":
                return strip_tags(item.excerpt).strip() or summarise(item.content, 55)
            case "excerpt_only":
                return strip_tags(item.excerpt).strip()
            case "category" | "categories":
                return ", ".join(categories)
            case "primary_category":
                return self._primary() or (categories[0] if categories else "")
            case "tag" | "tags":
                return ", ".join(tags)
            case "date":
                return _date(item.pub_date)
            case "name" | "author":
                return self.imp.author_names.get(item.creator, item.creator)
            case "id":
                return str(item.id)
            case "focuskw" | "focus_keyword":
                return (
                    self.meta.get("_yoast_wpseo_focuskw")
                    or self.meta.get("rank_math_focus_keyword", "").split(",")[0]
                )
            case "currentyear":
                return str(timezone.now().year)
        return ""

    def _primary(self) -> str:
        for key in ("_yoast_wpseo_primary_category", "rank_math_primary_category"):
            raw = self.meta.get(key, "").strip()
            slug = self.imp.category_ids.get(int(raw)) if raw.isdigit() else None
            for term in self.item.terms:
                if term.domain == "category" and term.slug == slug:
                    return term.name
        return ""


def _date(pub_date: str) -> str:
    try:
        moment = parsedate_to_datetime(pub_date)
    except (TypeError, ValueError):
        return ""
    return f"{moment:%B} {moment.day}, {moment.year}"


def _expand(pattern: re.Pattern, text: str, value: Callable[[str], str]) -> str:
    text = pattern.sub(lambda m: value(m.group(1)), text)
    text = re.sub(r"\s+", " ", text).strip()
    # A separator left at either end (its neighbour was empty) goes, as the plugins trim it.
    sep = re.escape(DEFAULT_SEPARATOR)
    text = re.sub(rf"^(?:{sep}\s*)+|(?:\s*{sep})+$", "", text)
    return re.sub(rf"{sep}(\s*{sep})+", DEFAULT_SEPARATOR, text).strip()
