from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from quiz import scoring


class Style(models.Model):
    """One of the four attachment styles, with the texts the therapist edits."""

    class Slug(models.TextChoices):
        SECURE = scoring.SECURE, _("Secure")
        ANXIOUS = scoring.ANXIOUS, _("Anxious-preoccupied")
        DISMISSIVE = scoring.DISMISSIVE, _("Dismissive-avoidant")
        FEARFUL = scoring.FEARFUL, _("Fearful-avoidant")

    slug = models.SlugField(max_length=40, unique=True, choices=Slug)
    name = models.CharField(max_length=80)
    summary = models.CharField(
        max_length=300, help_text=_("One sentence, shown first.")
    )
    description = models.TextField(
        help_text=_("Plain text; a blank line starts a new paragraph.")
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Practice(models.Model):
    """One of the five practices toward secure attachment, in general words."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    text = models.TextField(help_text=_("The practice in general; plain text."))

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class StyleGuidance(models.Model):
    """What one practice can look like for someone with one style, and where it comes in the list."""

    style = models.ForeignKey(Style, models.CASCADE, related_name="guidance")
    practice = models.ForeignKey(Practice, models.CASCADE, related_name="guidance")
    order = models.PositiveSmallIntegerField(
        help_text=_("1 is shown first for this style.")
    )
    steps = models.TextField(help_text=_("Concrete everyday steps, one per line."))

    class Meta:
        # No unique order: swapping two numbers in the admin saves one row at a time, and
        # a rule against ties refused the first half of every swap. A tie is harmless.
        ordering = ["style", "order", "practice"]
        verbose_name_plural = "style guidance"
        constraints = [
            models.UniqueConstraint(
                fields=["style", "practice"], name="quiz_styleguidance_one_per_practice"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.style} · {self.practice}"

    @property
    def step_list(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]


class ResultTally(models.Model):
    """How many results of each style each questionnaire gave in a month; nothing else."""

    instrument = models.CharField(max_length=20)
    style = models.CharField(max_length=40, choices=Style.Slug)
    month = models.DateField(help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month", "instrument", "style"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "style", "month"],
                name="quiz_resulttally_one_per_month",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.instrument} {self.style}: {self.count}"
