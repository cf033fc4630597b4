"""Staff preview of a live post's draft changes at the post's own address."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from articles.models import Post

from . import review

NOTICE = "Draft changes — not public. The public sees the published version."


def draft_changes_preview(
    request: HttpRequest, post: Post, render: Callable[[str], HttpResponse]
) -> HttpResponse | None:
    """The page as it will be once the draft changes are published, with a banner; None
    (the page as it is) when the post has none. Only asked for staff who may preview."""
    draft = review.draft_change(post)
    if draft is None:
        return None
    return review.render_with_draft(draft, lambda: render(NOTICE))
