"""The public face of an author: a display name and the slug of /author/<slug>/.

Never the login name: the address of an author's page and the byline must not tell anyone
what to type into the admin login. The slug is made from the display name when the profile is
created (`author`, `author-2`… when there is none) and is never the login name itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify


class AuthorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="author_profile"
    )
    public_slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The address of the author's page, /author/<slug>/. Not the login name.",
    )
    display_name = models.CharField(
        max_length=150, blank=True, help_text="Shown in bylines; the full name when empty."
    )

    class Meta:
        verbose_name = "author profile"

    def __str__(self) -> str:
        return self.public_slug

    def get_absolute_url(self) -> str:
        return reverse("articles:author_detail", kwargs={"slug": self.public_slug})

    @property
    def name(self) -> str:
        return self.display_name or self.user.get_full_name() or "CosMedicList author"


def public_name(user) -> str:
    """The name shown for a user in bylines, feeds and structured data (never the login)."""
    profile = getattr(user, "author_profile", None)
    return profile.name if profile else user.get_full_name() or "CosMedicList author"


def unique_public_slug(name: str, username: str, taken: set[str]) -> str:
    base = slugify(name)[:70] or "author"
    candidate, n = base, 2
    while candidate in taken or candidate == username.lower():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def ensure_profile(sender, instance, created: bool = False, **kwargs) -> None:
    """post_save of a user: every user gets a profile (and so a public slug) once."""
    if kwargs.get("raw") or AuthorProfile.objects.filter(user=instance).exists():
        return
    taken = set(AuthorProfile.objects.values_list("public_slug", flat=True))
    AuthorProfile.objects.create(
        user=instance,
        public_slug=unique_public_slug(instance.get_full_name(), instance.get_username(), taken),
    )
