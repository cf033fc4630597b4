"""Old addresses that keep working: redirects (301) and removed pages (410)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

# How many redirects a chain may have before we stop following it (chains are collapsed on
# save, so real chains have one hop; this only bounds the work on hand-made data).
MAX_HOPS = 10


class RedirectStatus(models.IntegerChoices):
    MOVED = 301, "301 Moved permanently"
    GONE = 410, "410 Gone"


class RedirectSource(models.TextChoices):
    MANUAL = "manual", "Added by staff"
    SLUG_CHANGE = "slug_change", "Address changed"
    IMPORT = "import", "Imported"
    REMOVED = "removed", "Content deleted"


def normalise_path(value: str) -> str:
    """A site path as Django sees it in `request.path`: decoded, starting with a slash.

    A query string is kept (old addresses such as `/?page_id=2` need it); a scheme and host
    are dropped, so a pasted full URL of this site works too.
    """
    value = value.strip()
    parts = urlsplit(value)
    path = unquote(parts.path) or "/"
    if not path.startswith("/"):
        path = "/" + path
    return f"{path}?{parts.query}" if parts.query else path


def is_external(target: str) -> bool:
    return urlsplit(target).scheme in {"http", "https"}


class RedirectQuerySet(models.QuerySet):
    def record_move(
        self, old_path: str, new_path: str, source: str = RedirectSource.SLUG_CHANGE
    ) -> None:
        """Content moved from `old_path` to `new_path`: redirect the old address, in one hop.

        Chains are collapsed (whatever led to the old address now leads straight to the new
        one) and loops cannot form: a redirect away from the new, now live, address is removed.
        An importer records old addresses the same way, with `source=IMPORT`.
        """
        old_path, new_path = normalise_path(old_path), normalise_path(new_path)
        if old_path == new_path:
            return
        with transaction.atomic():
            self.filter(old_path=new_path).delete()
            self.filter(new_path=old_path).update(new_path=new_path, updated_at=timezone.now())
            self.update_or_create(
                old_path=old_path,
                defaults={
                    "new_path": new_path,
                    "status": RedirectStatus.MOVED,
                    "source": source,
                },
            )

    def hops_from(self, path: str) -> Iterator[str]:
        """The addresses a chain of 301s leads through from `path`, in order (one query per hop).

        Stops where the chain ends, at an address off this site, or after MAX_HOPS hops.
        """
        target = path
        for _ in range(MAX_HOPS):
            if is_external(target):
                return
            nxt = (
                self.filter(old_path=target, status=RedirectStatus.MOVED)
                .values_list("new_path", flat=True)
                .first()
            )
            if nxt is None:
                return
            yield nxt
            target = nxt

    def final_target(self, path: str, origin: str = "") -> str | None:
        """Where the chain of redirects from `path` ends.

        None when the chain loops (back to `origin` or onto itself) or is too long to follow.
        """
        seen = {path, origin}
        target, hops = path, 0
        for nxt in self.hops_from(path):
            if is_external(nxt):
                return nxt
            if nxt in seen:
                return None
            seen.add(nxt)
            target, hops = nxt, hops + 1
        return None if hops == MAX_HOPS else target


class Redirect(models.Model):
    old_path = models.CharField(
        max_length=500,
        unique=True,
        help_text="The old address on this site, e.g. /old-article-slug/. It is only used when "
        "nothing else lives at that address.",
    )
    new_path = models.CharField(
        "new path or URL",
        max_length=500,
        blank=True,
        help_text="A path on this site (/new-slug/) or a full https:// URL. Empty for 410 Gone.",
    )
    status = models.PositiveSmallIntegerField(choices=RedirectStatus, default=RedirectStatus.MOVED)
    source = models.CharField(max_length=20, choices=RedirectSource, default=RedirectSource.MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RedirectStatus.values), name="redirect_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=RedirectSource.values), name="redirect_source_valid"
            ),
            models.CheckConstraint(
                condition=(Q(status=RedirectStatus.MOVED) & ~Q(new_path=""))
                | (Q(status=RedirectStatus.GONE) & Q(new_path="")),
                name="redirect_target_matches_status",
            ),
            models.CheckConstraint(
                condition=~Q(old_path=models.F("new_path")), name="redirect_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        if self.status == RedirectStatus.GONE:
            return f"{self.old_path} (gone)"
        return f"{self.old_path} → {self.new_path}"

    def clean(self) -> None:
        if self.old_path:
            self.old_path = normalise_path(self.old_path)
        self.new_path = self.new_path.strip()
        if self.new_path and not is_external(self.new_path):
            if urlsplit(self.new_path).scheme:
                raise ValidationError({"new_path": "Use a path (/new-slug/) or an http(s) URL."})
            self.new_path = normalise_path(self.new_path)
        if self.status == RedirectStatus.GONE:
            if self.new_path:
                raise ValidationError({"new_path": "A page that is gone has no new address."})
            return
        if not self.new_path:
            raise ValidationError({"new_path": "Say where the old address should lead."})
        if self.new_path == self.old_path:
            raise ValidationError({"new_path": "An address cannot redirect to itself."})
        loop = self.loop_through()
        if loop:
            raise ValidationError(
                {"new_path": "This would make a redirect loop: " + " → ".join(loop) + "."}
            )

    def loop_through(self) -> list[str]:
        """The chain of addresses back to `old_path` if saving this redirect closes a loop."""
        chain = [self.old_path, self.new_path]
        others = Redirect.objects.exclude(pk=self.pk)
        for nxt in others.hops_from(self.new_path):
            chain.append(nxt)
            if nxt == self.old_path:
                return chain
        # A chain cut short by MAX_HOPS is too long to be anything but a loop in practice.
        return chain if len(chain) - 2 == MAX_HOPS else []
