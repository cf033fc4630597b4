"""Who may do what with the content: the per-object rules of the editorial roles.

Model permissions (given to the role groups by the `editorial` app's migrations) say what a
user may do at all; these functions add the rules about one object:

- `articles.change_post` alone (Contributor): their own drafts only;
- with `articles.publish_post` (Author): their own posts, drafts or not, and publishing them;
- with `articles.edit_others_posts` (Editor): everyone's posts, and the `author` field.

Superusers pass every test. Pages have no owner: `change_page` is enough to edit, publish and
trash one (only Editors have it), and `delete_page` to delete one from the trash for good.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User

if TYPE_CHECKING:
    from .models import Post


def is_staff(user: User | AnonymousUser | None) -> bool:
    """A signed-in, active staff member: the one test for previews, uploads and staff replies."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def can_publish(user: User) -> bool:
    return user.has_perm("articles.publish_post")


def can_edit_others(user: User) -> bool:
    return user.has_perm("articles.edit_others_posts")


def may_change_post(user: User, post: Post | None) -> bool:
    """May change this post (or, with None, some post)."""
    if not user.has_perm("articles.change_post"):
        return False
    if post is None or can_edit_others(user):
        return True
    if post.author_id != user.pk:
        return False
    return can_publish(user) or post.published_at is None


def may_publish_post(user: User, post: Post | None) -> bool:
    """May publish, schedule or unpublish this post (or, with None, some post)."""
    return can_publish(user) and may_change_post(user, post)


def may_upload(user: User) -> bool:
    return is_staff(user) and user.has_perm("articles.upload_image")


def may_preview(user: User | AnonymousUser | None, model_name: str) -> bool:
    """May see drafts and scheduled items of a model (`post`, `page`) at their public address."""
    return is_staff(user) and user.has_perm(f"articles.view_{model_name}")
