"""The public face of an author: a display name, the slug of /author/<slug>/, a photo, a bio
and a job title.

Never the login name: the address of an author's page and the byline must not tell anyone
what to type into the admin login. The slug is made from the display name when the profile is
created (`author`, `author-2`… when there is none), is never the login name itself, and holds
only lowercase letters, digits, `-` and `_` (a slug that does not is made again on save).

An author's page is public while the author has live posts, whether or not the account may
still sign in (imported authors are inactive accounts)."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify

from .links import path_to
from .photos import WithPhoto

SAFE_SLUG = re.compile(r"[-a-z0-9_]+")
safe_slug_validator = RegexValidator(
    r"\A" + SAFE_SLUG.pattern + r"\Z",
    "Use only lowercase letters, numbers, hyphens and underscores.",
)
# Roles (staff groups) that may be shown as an author's role when no job title is given, in
# order of precedence: other apps register them (see `register_public_role`).
PUBLIC_ROLES: list[str] = []


def register_public_role(name: str) -> None:
    if name not in PUBLIC_ROLES:
        PUBLIC_ROLES.append(name)


class AuthorProfileQuerySet(models.QuerySet):
    def with_public_page(self) -> AuthorProfileQuerySet:
        """Profiles whose page answers: the author has at least one live post."""
        from .models import Post

        return self.filter(
            models.Exists(Post.objects.published().filter(author=models.OuterRef("user")))
        )


class AuthorProfile(WithPhoto, models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="author_profile"
    )
    public_slug = models.SlugField(
        max_length=80,
        unique=True,
        validators=[safe_slug_validator],
        help_text="The address of the author's page, /author/<slug>/. Not the login name.",
    )
    display_name = models.CharField(
        max_length=150, blank=True, help_text="Shown in bylines; the full name when empty."
    )
    job_title = models.CharField(
        max_length=120,
        blank=True,
        help_text="For example: Health editor. Empty: the author's role on the site.",
    )
    bio = models.TextField(blank=True, help_text="A few sentences shown on the author's page.")

    objects = AuthorProfileQuerySet.as_manager()

    class Meta:
        verbose_name = "author profile"

    def __str__(self) -> str:
        return self.public_slug

    def get_absolute_url(self) -> str:
        return path_to("articles:author_detail", slug=self.public_slug)

    @property
    def name(self) -> str:
        return self.display_name or self.user.get_full_name() or "CosMedicList author"

    @property
    def role(self) -> str:
        """The job title, else the highest public role among the user's groups (read from
        `user.groups.all()`, so a prefetch serves it)."""
        if self.job_title:
            return self.job_title
        groups = {group.name for group in self.user.groups.all()}
        return next((role for role in PUBLIC_ROLES if role in groups), "")

    def save(self, *args, **kwargs) -> None:
        if not is_safe_slug(self.public_slug, self.user.get_username()):
            taken = set(
                AuthorProfile.objects.exclude(pk=self.pk).values_list("public_slug", flat=True)
            )
            self.public_slug = unique_public_slug(self.name, self.user.get_username(), taken)
        super().save(*args, **kwargs)

    def rename(self, display_name: str) -> None:
        """Give a new profile its display name and a slug made from it (the importer)."""
        if display_name.strip().lower() == self.user.get_username().lower():
            return  # a display name that is the login would show the login in every byline
        self.display_name = display_name.strip()[:150]
        taken = set(AuthorProfile.objects.exclude(pk=self.pk).values_list("public_slug", flat=True))
        self.public_slug = unique_public_slug(self.name, self.user.get_username(), taken)
        self.save(update_fields=["display_name", "public_slug"])


def is_safe_slug(slug: str, username: str) -> bool:
    return bool(SAFE_SLUG.fullmatch(slug or "")) and slug != username.lower()


def public_name(user) -> str:
    """The name shown for a user in bylines, feeds and structured data (never the login)."""
    profile = getattr(user, "author_profile", None)
    return profile.name if profile else user.get_full_name() or "CosMedicList author"


def unique_public_slug(name: str, username: str, taken: set[str]) -> str:
    base = slugify(name)[:70].strip("-") or "author"
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
