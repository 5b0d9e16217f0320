from __future__ import annotations

import re
from collections.abc import Mapping

from django.core.validators import RegexValidator
from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.cache import remember
from core.markdown import render_markdown
from core.pictures import check_picture, described, optional_picture, shrink_upload

# The photo shows at most about 14rem wide: this is sharp on a screen of three pixels per
# point, and keeps a phone's download small.
PHOTO_MAX_WIDTH = 720


def tel_uri(number: str) -> str:
    """A number as a tel: or sms: link wants it: a North American number of 10 digits, or
    11 starting with 1, in full international form (+1...); a short code (9-8-8, 911)
    as it is dialled."""
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) == 10:
        return f"+1{digits}"
    if len(digits) == 11 and digits.startswith("1"):
        return f"+{digits}"
    return digits


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
        help_text=_("For example: adults, couples and families aged 16 or older."),
    )
    helps_with = models.TextField(
        _("what the practice helps with"),
        help_text=_(
            "Shown on the home page, one card per line: the topic, a colon, then one "
            "sentence about it. For example: “Relational trauma: When someone close "
            "hurt you, …”"
        ),
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
    def helps_with_cards(self) -> list[tuple[str, str]]:
        """(topic, sentence) for each line; the sentence is empty if a line has none."""
        cards = []
        for line in self.helps_with.splitlines():
            topic, _colon, sentence = line.partition(":")
            if topic.strip():
                cards.append((topic.strip(), sentence.strip()))
        return cards

    @property
    def helps_with_list(self) -> list[str]:
        return [topic for topic, _sentence in self.helps_with_cards]

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)


class Therapist(models.Model):
    class Title(models.TextChoices):
        # The two titles the Psychotherapy Act, 2007 protects for CRPO registrants who
        # practise; an Inactive registrant may not practise, so it is not offered.
        RP = "RP", _("Registered Psychotherapist")
        RP_QUALIFYING = "RP(Q)", _("Registered Psychotherapist (Qualifying)")

    name = models.CharField(
        _("name"), max_length=120, help_text=_("As visitors should read it.")
    )
    slug = models.SlugField(_("slug"), unique=True)
    register_name = models.CharField(
        _("full name as on the College's register"),
        max_length=200,
        blank=True,
        help_text=_(
            "Exactly as the College of Registered Psychotherapists of Ontario's public "
            "register shows it, so visitors can find you there."
        ),
    )
    title = models.CharField(
        _("protected title"), max_length=10, choices=Title, default=Title.RP
    )
    registration_number = models.CharField(
        _("CRPO registration number"),
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(
                r"^[0-9]{1,12}$",
                _("The registration number is digits only, as the register shows it."),
            )
        ],
        help_text=_(
            "Shown beside your title on every page. Until it is filled in, the site "
            "shows the title without a number."
        ),
    )
    register_url = models.URLField(
        _("link to your entry on the public register"),
        blank=True,
        help_text=_(
            "Open your entry on the College's public register and paste its address."
        ),
    )
    credentials = models.CharField(
        _("other credentials"),
        max_length=200,
        blank=True,
        help_text=_("Degrees and training, for example: MA, Counselling Psychology."),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    introduction = models.CharField(
        _("one line for the home page"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown beside the photo on the home page, with an invitation to a free "
            "consult. One sentence."
        ),
    )
    bio = models.TextField(
        _("bio"), help_text=_("Markdown: blank lines separate paragraphs.")
    )
    bio_html = models.TextField(editable=False, default="")
    photo, photo_width, photo_height, photo_alt = optional_picture(
        "photo",
        label=_("photo"),
        upload_to="therapists/",
        help_text=_("Shown on the home and about pages; large photos are shrunk."),
        alt_label=_("photo description"),
        alt_help_text=_(
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
        constraints = [
            described("photo", constraint_name="attachment_therapist_photo_has_alt")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def load_all(cls) -> list[Therapist]:
        """Every therapist, from the cache when possible (every page's footer shows them)."""
        return remember(
            "attachment:therapists", lambda: list(cls.objects.all()), timeout=60 * 60
        )

    @property
    def full_name(self) -> str:
        return self.register_name.strip() or self.name

    def clean(self) -> None:
        check_picture(
            self.photo,
            self.photo_alt,
            missing_alt=_("Please describe the photo for screen readers."),
        )

    def save(self, *args, **kwargs) -> None:
        self.bio_html = render_markdown(self.bio)
        if size := shrink_upload(self.photo, max_width=PHOTO_MAX_WIDTH, name="photo"):
            self.photo_width, self.photo_height = size
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


# A placeholder the practice must replace ("[TO FILL IN: session fee]") or a fact she
# must confirm ("[TO CONFIRM: …]"); shown highlighted and listed in the admin until gone.
PLACEHOLDER = re.compile(r"\[TO (?:FILL IN|CONFIRM)\b[^\]\n]{0,300}\]")
# A fact the site fills in when the page is shown ("{retention_days}"), so the words stay
# true when a setting changes.
FACT = re.compile(r"\{([a-z_]{1,40})\}")


class Page(models.Model):
    """A page of the practice's own words, edited in the admin."""

    class Slug(models.TextChoices):
        FEES = "fees", _("Fees and what to expect")
        PRIVACY = "privacy", _("Privacy")

    slug = models.SlugField(_("page"), max_length=20, unique=True, choices=Slug)
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(
        _("description"),
        max_length=300,
        help_text=_("One or two sentences that search engines show under the title."),
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Markdown: blank lines separate paragraphs, “## ” starts a heading. Words in "
            "curly brackets, such as {retention_days}, are filled in by the site. Replace "
            "every [TO FILL IN: …] and [TO CONFIRM: …]: the admin lists them until they "
            "are gone."
        ),
    )
    body_html = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    @property
    def placeholders(self) -> list[str]:
        return PLACEHOLDER.findall(self.body)

    def html(self, facts: Mapping[str, str]) -> SafeString:
        """The rendered text with each known fact filled in and placeholders marked.

        Works on the HTML already cleaned by render_markdown, so what is added here is
        only escaped values and one tag of our own."""

        def fact(match: re.Match) -> str:
            name = match.group(1)
            return escape(facts[name]) if name in facts else match.group(0)

        def mark(match: re.Match) -> str:
            return f'<mark class="placeholder">{match.group(0)}</mark>'

        html = FACT.sub(fact, self.body_html)
        return mark_safe(PLACEHOLDER.sub(mark, html))


class SupportServiceQuerySet(models.QuerySet):
    def confirmed(self) -> SupportServiceQuerySet:
        return self.filter(verified=True)


class SupportService(models.Model):
    """A helpline the site points to. Only confirmed numbers are shown to visitors: a
    wrong number given to someone in danger is worse than none."""

    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(
        _("phone number"),
        max_length=40,
        blank=True,
        help_text=_("As visitors should read it, for example 1-866-863-0511."),
    )
    text = models.CharField(
        _("text line"),
        max_length=120,
        blank=True,
        help_text=_("How to reach it by text, for example: text CONNECT to 686868."),
    )
    text_number = models.CharField(
        _("number to text"),
        max_length=20,
        blank=True,
        help_text=_("Digits only, for the phone's text app, for example 686868."),
    )
    url = models.URLField(_("web address"), blank=True)
    note = models.CharField(
        _("who it is for"),
        max_length=300,
        blank=True,
        help_text=_("One short sentence shown with the numbers."),
    )
    verified = models.BooleanField(
        _("numbers confirmed"),
        default=False,
        help_text=_(
            "Tick once you have checked the numbers on the service's own website. "
            "Until then the service is not shown on the site."
        ),
    )
    verified_where = models.CharField(
        _("where the numbers were checked"),
        max_length=300,
        blank=True,
        help_text=_("The page you checked them on, and when."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SupportServiceQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("support service")
        verbose_name_plural = _("support services")

    def __str__(self) -> str:
        return self.name

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)


class SafetyNote(models.Model):
    """The short note on safety shown near the top of a quiz result: one record."""

    text = models.TextField(
        _("note on safety"),
        help_text=_(
            "Shown near the top of every quiz result, above the helplines. Plain text; "
            "a blank line starts a new paragraph."
        ),
    )

    class Meta:
        verbose_name = _("note on safety")
        verbose_name_plural = _("note on safety")

    def __str__(self) -> str:
        return str(_("Note on safety"))

    def save(self, *args, **kwargs) -> None:
        self.pk = 1  # there is only ever one
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> SafetyNote | None:
        return cls.objects.filter(pk=1).first()
