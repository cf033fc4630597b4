"""Old term and author addresses of a site that used custom bases (Settings → Permalinks:
"Category base", "Tag base", or an author base changed by a plugin). Each imported category, tag
and author then gets a 301 from `/<base>/<path>/` (and its feed) to our address.

A WXR file has no field for the bases, but the site's own links carry them: the importer
notes every link to the exported site in the posts, pages and menu items, and a base is taken
to be the first segment before an imported category's path (`/topics/skin/acne-scars/`), a
tag's slug or an author's login that is not WordPress's default (`category`, `tag`, `author`);
the most frequent one wins, and the summary says which were found. `import_wxr --category-base
topics` (and `--tag-base`, `--author-base`) name them when the links do not, and override them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.urls import reverse

from articles.models import RESERVED_SLUGS
from redirects.models import Redirect, RedirectSource, normalise_path

if TYPE_CHECKING:
    from .importer import Importer


DEFAULTS = {"category": "category", "tag": "tag", "author": "author"}
MAX_PATHS = 20_000  # distinct link paths kept for the detection: bounded memory on huge sites
_HREF = re.compile(r"""href\s*=\s*["']([^"'<>]+)["']""", re.IGNORECASE)


class Links:
    """The paths of the links to the exported site found in its items, with their counts."""

    def __init__(self, site) -> None:
        urls = (site.base_site_url, site.base_blog_url, site.link)
        self.hosts = {urlsplit(url.strip()).netloc.lower() for url in urls if url.strip()} - {""}
        self.paths: Counter = Counter()

    def notice(self, item) -> None:
        """Remember the links of an item: its body, and the address of a menu item."""
        urls = _HREF.findall(item.content or "")
        if item.meta.get("_menu_item_url"):
            urls.append(item.meta["_menu_item_url"])
        for url in urls:
            parts = urlsplit(url.strip())
            own = parts.netloc.lower() in self.hosts or (
                not parts.netloc and parts.path.startswith("/")
            )
            segments = tuple(s for s in unquote(parts.path).lower().split("/") if s)
            room = segments in self.paths or len(self.paths) < MAX_PATHS
            if own and len(segments) >= 2 and room:
                self.paths[segments] += 1


def _detected(imp: Importer) -> dict[str, str]:
    """The bases the links show, by kind."""
    targets = {
        "category": {tuple(c.path.lower().split("/")) for c in imp.categories.values()},
        "tag": {(t.slug.lower(),) for t in imp.tags.values()},
        "author": {(login.lower(),) for login in imp.users},
    }
    found: dict[str, str] = {}
    for kind, wanted in targets.items():
        votes: Counter = Counter()
        for segments, count in imp.links.paths.items():
            if segments[-1] == "feed":
                segments = segments[:-1]
            for cut in range(1, len(segments)):
                base, rest = segments[:cut], segments[cut:]
                # Not a date archive, a page or post with children of that name, nor an
                # address of this site's own (/procedures/…, in an export of our own).
                dated = any(part.isdigit() for part in base)
                taken = base[0] in imp.taken or base[0] in RESERVED_SLUGS
                if rest in wanted and not dated and not taken:
                    votes["/".join(base)] += count
        votes.pop(DEFAULTS[kind], None)
        if votes:
            found[kind] = votes.most_common(1)[0][0]
    return found


def _choose(imp: Importer) -> None:
    for kind, base in _detected(imp).items():
        if kind not in imp.bases:
            imp.bases[kind] = base
            imp.stats.note(
                f"Custom {kind} base “{base}” found in the export's links: its old "
                f"/{base}/… addresses redirect here."
            )


def _pairs(imp: Importer) -> list[tuple[str, str]]:
    pairs = []
    if base := imp.bases.get("category"):
        for category in imp.categories.values():
            feed = reverse("discovery:category_feed", args=[category.path])
            pairs.append((f"/{base}/{category.path}/", category.get_absolute_url()))
            pairs.append((f"/{base}/{category.path}/feed/", feed))
    if base := imp.bases.get("tag"):
        for tag in imp.tags.values():
            feed = reverse("discovery:tag_feed", args=[tag.slug])
            pairs.append((f"/{base}/{tag.slug}/", tag.get_absolute_url()))
            pairs.append((f"/{base}/{tag.slug}/feed/", feed))
    if base := imp.bases.get("author"):
        for login, user in imp.users.items():
            # The old address already named the login on the old site; ours never does.
            pairs.append((f"/{base}/{login}/", user.author_profile.get_absolute_url()))
    return pairs


def record(imp: Importer) -> None:
    """301s from the old base addresses; identical ones already there are left alone."""
    _choose(imp)
    for old, new in _pairs(imp):
        old, new = normalise_path(old), normalise_path(new)
        if old == new:
            continue
        current = imp.redirects.get(old)
        if current is not None and current[0] == new:
            imp.stats.add("redirects", "unchanged")
            continue
        Redirect.objects.record_move(old, new, source=RedirectSource.IMPORT)
        imp.redirects[old] = (new, 301)
        imp.stats.add("redirects", "created" if current is None else "updated")
