"""What an open editor leaves on the server: its autosave and its presence.

Both belong to one user and one post or page (plain foreign keys, exactly one of the two set).
An autosave is the unsaved form as posted by the editor's script; it never touches the post.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models import Page, Post

ONE_TARGET = Q(post__isnull=False, page__isnull=True) | Q(post__isnull=True, page__isnull=False)


def one_target_per_user(prefix: str) -> list[models.BaseConstraint]:
    """Exactly one of post and page, and one row per user for each post or page."""
    return [
        models.CheckConstraint(condition=ONE_TARGET, name=f"{prefix}_one_target"),
        models.UniqueConstraint(fields=["user", "post"], name=f"{prefix}_user_post"),
        models.UniqueConstraint(fields=["user", "page"], name=f"{prefix}_user_page"),
    ]


class EditedObject(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def target(self) -> Post | Page:
        return self.post or self.page


class Autosave(EditedObject):
    data = models.JSONField(help_text="The form's fields: name → list of values.")
    saved_at = models.DateTimeField()

    class Meta:
        constraints = one_target_per_user("autosave")

    def __str__(self) -> str:
        return f"Autosave of {self.target} by {self.user}"


class Presence(EditedObject):
    since = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = one_target_per_user("presence")

    def __str__(self) -> str:
        return f"{self.user} editing {self.target}"
