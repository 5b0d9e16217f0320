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
        verbose_name = _("monthly quiz result")
        verbose_name_plural = _("monthly quiz results")
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "style", "month"],
                name="quiz_resulttally_one_per_month",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.instrument} {self.style}: {self.count}"


def _instrument_choices() -> list[tuple[str, str]]:
    # A callable, so the choices are read after the questionnaire files have loaded.
    from quiz import instruments

    return [
        (instrument.slug, instrument.name) for instrument in instruments.available()
    ]


class QuestionnairePermission(models.Model):
    """The authors' written permission to use a questionnaire on the practice's website.

    The questionnaires are published for research; inviting visitors to paid care with
    them is commercial clinical use, which needs the authors' own written permission.
    """

    instrument = models.CharField(
        _("questionnaire"), max_length=20, unique=True, choices=_instrument_choices
    )
    granted_on = models.DateField(_("date of the permission"))
    granted_by = models.CharField(
        _("granted by"),
        max_length=200,
        help_text=_("Who gave it, for example one of the authors by name."),
    )
    reference = models.CharField(
        _("where the permission is kept"),
        max_length=300,
        help_text=_(
            "For example: email from the author of 3 March 2027, saved in the "
            "practice's records."
        ),
    )

    class Meta:
        ordering = ["instrument"]
        verbose_name = _("questionnaire permission")

    def __str__(self) -> str:
        return f"{self.get_instrument_display()}: {self.granted_on:%Y-%m-%d}"
