"""What posts are filed under: categories (a hierarchy, as on WordPress), tags and procedures."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django_ckeditor_5.fields import CKEditor5Field

from . import extensions
from .links import path_to

# How many ancestors a category is read with, in the same query, wherever its address or its
# breadcrumbs are shown. Deeper trees still work, at one more query per further level.
ANCESTOR_DEPTH = 3


class CategoryQuerySet(models.QuerySet):
    def with_ancestors(self) -> CategoryQuerySet:
        """Categories with their parents (up to `ANCESTOR_DEPTH`) for addresses and breadcrumbs."""
        return self.select_related("__".join(["parent"] * ANCESTOR_DEPTH))


class Category(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list[Category]:
        """From the root down to this category's parent (parents are few and cached)."""
        chain: list[Category] = []
        node = self.parent
        seen = {self.pk}
        while node is not None and node.pk not in seen:
            chain.insert(0, node)
            seen.add(node.pk)
            node = node.parent
        return chain

    @property
    def path(self) -> str:
        return "/".join([c.slug for c in self.ancestors()] + [self.slug])

    def get_absolute_url(self) -> str:
        return path_to("articles:category_detail", path=self.path)

    def clean(self) -> None:
        if self.slug == "feed":
            raise ValidationError({"slug": "“feed” is the address of each category's feed."})
        node, seen = self.parent, {self.pk}
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": "A category cannot be its own ancestor."})
            seen.add(node.pk)
            node = node.parent


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return path_to("articles:tag_detail", slug=self.slug)


class Invasiveness(models.TextChoices):
    NON_INVASIVE = "non_invasive", "Non-invasive"
    MINIMALLY_INVASIVE = "minimally_invasive", "Minimally invasive"
    SURGICAL = "surgical", "Surgical"


class Procedure(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    aliases = models.TextField(
        blank=True, help_text="Other names, one per line (e.g. collagen induction therapy)."
    )
    summary = models.TextField(blank=True)
    body = CKEditor5Field(blank=True)
    treats = models.TextField(blank=True, help_text="What it treats, one per line.")
    session_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Typical length of one session."
    )
    downtime = models.CharField(max_length=200, blank=True)
    course_sessions_min = models.PositiveSmallIntegerField(null=True, blank=True)
    course_sessions_max = models.PositiveSmallIntegerField(null=True, blank=True)
    course_interval_weeks = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Usual gap between sessions."
    )
    skin_types = models.CharField(max_length=200, blank=True)
    invasiveness = models.CharField(max_length=20, choices=Invasiveness, blank=True)
    setting = models.CharField(max_length=120, blank=True, help_text="For example: outpatient.")
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    cost_min = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    cost_max = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    cost_currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217, e.g. GBP.")
    cost_as_of = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_min__isnull=True)
                | Q(cost_max__isnull=True)
                | Q(cost_min__lte=models.F("cost_max")),
                name="procedure_cost_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(course_sessions_min__isnull=True)
                | Q(course_sessions_max__isnull=True)
                | Q(course_sessions_min__lte=models.F("course_sessions_max")),
                name="procedure_course_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(invasiveness__in=[*Invasiveness.values, ""]),
                name="procedure_invasiveness_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return path_to("articles:procedure_detail", slug=self.slug)

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    @property
    def treats_list(self) -> list[str]:
        return [line.strip() for line in self.treats.splitlines() if line.strip()]

    @property
    def course(self) -> str:
        low, high, weeks = (
            self.course_sessions_min,
            self.course_sessions_max,
            self.course_interval_weeks,
        )
        if not low and not high:
            return ""
        count = f"{low}–{high}" if low and high and low != high else f"{low or high}"
        text = f"{count} session{'s' if (high or low) > 1 else ''}"
        if weeks:
            text += " about a month apart" if weeks in (4, 5) else f" about {weeks} weeks apart"
        return text

    @property
    def cost(self) -> str:
        if self.cost_min is None and self.cost_max is None:
            return ""
        amounts = [f"{a:,.0f}" for a in (self.cost_min, self.cost_max) if a is not None]
        text = f"{self.cost_currency} {'–'.join(dict.fromkeys(amounts))}".strip()
        if self.cost_as_of:
            text += f" (as of {self.cost_as_of:%B %Y})"
        return text

    def clean(self) -> None:
        if (self.cost_min is not None or self.cost_max is not None) and not self.cost_currency:
            raise ValidationError({"cost_currency": "Give the currency of the cost range."})
        for low, high in (("cost_min", "cost_max"), ("course_sessions_min", "course_sessions_max")):
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                raise ValidationError({high: "The upper bound must not be below the lower one."})

    def prepare_body(self) -> str:
        """The body as stored: sanitised, its images completed (the first one loads at once)."""
        return extensions.stored_body(self.body, eager=1)

    def save(self, *args, **kwargs) -> None:
        self.body = self.prepare_body()
        self.cost_currency = self.cost_currency.upper()
        super().save(*args, **kwargs)
