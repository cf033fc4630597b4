"""Who may see what is not public yet (drafts, scheduled posts) and upload images."""

from django.contrib.auth.models import AnonymousUser, User


def is_staff(user: User | AnonymousUser | None) -> bool:
    """A signed-in, active staff member: the one test for previews, uploads and staff replies."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)
