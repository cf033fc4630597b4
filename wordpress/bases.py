"""Old term and author addresses of a site that used custom bases (Settings → Permalinks:
"Category base", "Tag base", or an author base changed by a plugin). A WXR file does not say
which bases the site used, so `import_wxr --category-base topics` (and `--tag-base`,
`--author-base`) name them; each imported category, tag and author then gets a 301 from
`/<base>/<path>/` (and its feed) to our address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from redirects.models import Redirect, RedirectSource, normalise_path

if TYPE_CHECKING:
    from .importer import Importer


def _pairs(imp: Importer) -> list[tuple[str, str]]:
    pairs = []
    if base := imp.bases.get("category"):
        for category in imp.categories.values():
            feed = reverse("articles:category_feed", args=[category.path])
            pairs.append((f"/{base}/{category.path}/", category.get_absolute_url()))
            pairs.append((f"/{base}/{category.path}/feed/", feed))
    if base := imp.bases.get("tag"):
        for tag in imp.tags.values():
            feed = reverse("articles:tag_feed", args=[tag.slug])
            pairs.append((f"/{base}/{tag.slug}/", tag.get_absolute_url()))
            pairs.append((f"/{base}/{tag.slug}/feed/", feed))
    if base := imp.bases.get("author"):
        for login, user in imp.users.items():
            # The old address already named the login on the old site; ours never does.
            pairs.append((f"/{base}/{login}/", user.author_profile.get_absolute_url()))
    return pairs


def record(imp: Importer) -> None:
    """301s from the old base addresses; identical ones already there are left alone."""
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
