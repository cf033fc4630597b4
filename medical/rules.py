"""The medical rules: what "changed since review" means and when it stops publishing.

`SIGNOFF_REQUIRED_FOR` says which posts need a new sign-off before they are published when
their text changed since the newest one: "procedure" (posts linked to a procedure, the
default), "all" or "none". A post never signed off is not held back by this rule.
"""

from __future__ import annotations

from django.conf import settings

from articles.models import Post

from .signoffs import newest, text_digest


def changed_since_review(post: Post) -> bool:
    """Signed off, and its text (or `post`'s unsaved text) differs from what was signed."""
    latest = newest(post) if post.pk else None
    return latest is not None and latest.text_digest != text_digest(post)


def needs_signoff(post: Post) -> bool:
    policy = settings.SIGNOFF_REQUIRED_FOR
    if policy == "all":
        return True
    if policy == "procedure":
        linked = getattr(post, "linked_procedure_count", None)
        if linked is None:
            linked = post.procedures.count() if post.pk else 0
        return linked > 0
    return False


def publishing_blocked(post: Post) -> str | None:
    """Why the post may not be published as it is, or None."""
    if not needs_signoff(post) or not changed_since_review(post):
        return None
    if settings.SIGNOFF_REQUIRED_FOR == "procedure":
        what = f"“{post.title}” is linked to a procedure and its text"
    else:
        what = f"The text of “{post.title}”"
    return (
        f"{what} changed since its last medical sign-off: a medical reviewer must sign off "
        "this version before it is published."
    )
