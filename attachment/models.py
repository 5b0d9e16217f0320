from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.cache import remember
from core.markdown import render_markdown


class PracticeDetails(models.Model):
    """The practice's name and contact details: one record, edited in the admin."""

    name = models.CharField(_("practice name"), max_length=120)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone (call or text)"), max_length=40)
    service_areas = models.TextField(
        _("service areas"),
        help_text=_("One place per line, as visitors should read them."),
    )
    serves = models.CharField(
        _("who the practice serves"),
        max_length=200,
        help_text=_("For example: adults, couples and families over the age of 16."),
    )
    helps_with = models.TextField(
        _("what the practice helps with"),
        help_text=_("Shown on the home page. One topic per line."),
    )
    online_note = models.TextField(_("note on online therapy"), blank=True)

    class Meta:
        verbose_name = _("practice details")
        verbose_name_plural = _("practice details")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.pk = 1  # there is only ever one practice
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> PracticeDetails | None:
        """The practice's details, from the cache when possible (every page shows them)."""
        return remember(
            "attachment:practice-details",
            lambda: cls.objects.filter(pk=1).first(),
            timeout=60 * 60,
        )

    @property
    def service_area_list(self) -> list[str]:
        return [
            line.strip() for line in self.service_areas.splitlines() if line.strip()
        ]

    @property
    def helps_with_list(self) -> list[str]:
        return [line.strip() for line in self.helps_with.splitlines() if line.strip()]

    @property
    def phone_uri(self) -> str:
        digits = "".join(c for c in self.phone if c.isdigit())
        return f"+1{digits}" if len(digits) == 10 else digits


class Therapist(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    credentials = models.CharField(
        _("credentials"),
        max_length=200,
        help_text=_("For example: Registered Psychotherapist (CRPO)."),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    bio = models.TextField(
        _("bio"), help_text=_("Markdown: blank lines separate paragraphs.")
    )
    bio_html = models.TextField(editable=False, default="")
    photo = models.ImageField(_("photo"), upload_to="therapists/", blank=True)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=200,
        blank=True,
        help_text=_(
            "Describes the photo for people who cannot see it. Required with a photo."
        ),
    )
    email = models.EmailField(
        _("email for booking notifications"),
        help_text=_(
            "New, changed and cancelled consults are sent here. Not shown on the site."
        ),
    )
    accepting_consults = models.BooleanField(_("accepting free consults"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("therapist")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.photo and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": _("Please describe the photo for screen readers.")}
            )

    def save(self, *args, **kwargs) -> None:
        self.bio_html = render_markdown(self.bio)
        super().save(*args, **kwargs)


class FAQEntry(models.Model):
    question = models.CharField(_("question"), max_length=200)
    answer = models.TextField(
        _("answer"),
        help_text=_("Markdown: blank lines separate paragraphs; tables are allowed."),
    )
    answer_html = models.TextField(editable=False, default="")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self) -> str:
        return self.question

    def save(self, *args, **kwargs) -> None:
        self.answer_html = render_markdown(self.answer)
        super().save(*args, **kwargs)
