"""What the practice still has to supply before the site says all it must (core/notices.py)."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from attachment.models import Page, Therapist
from core.notices import Notice

# The deployment's facts the privacy statement quotes (attachment/pages.py).
PRIVACY_SETTINGS = (
    "PRIVACY_HOSTING_PROVIDER",
    "PRIVACY_EMAIL_PROVIDER",
    "PRIVACY_DATA_LOCATION",
    "PRIVACY_LOG_RETENTION_DAYS",
)


def practice_notices() -> Iterator[Notice]:
    for therapist in Therapist.objects.all():
        url = reverse("admin:attachment_therapist_change", args=[therapist.pk])
        if not therapist.registration_number:
            yield Notice(
                _(
                    "Add %(name)s's CRPO registration number: the College expects it "
                    "with the title, and until then every page shows the title "
                    "without a number."
                )
                % {"name": therapist.name},
                url,
            )
        if not therapist.register_name.strip() or not therapist.register_url:
            yield Notice(
                _(
                    "Add %(name)s's full name as on the College's public register, and "
                    "the link to the entry there, so visitors can check the "
                    "registration."
                )
                % {"name": therapist.name},
                url,
            )
    for page in Page.objects.all():
        if count := len(page.placeholders):
            yield Notice(
                ngettext(
                    "“%(title)s” still has %(count)d placeholder to replace with the "
                    "practice's own words.",
                    "“%(title)s” still has %(count)d placeholders to replace with the "
                    "practice's own words.",
                    count,
                )
                % {"title": page.title, "count": count},
                reverse("admin:attachment_page_change", args=[page.pk]),
            )
    missing = [name for name in PRIVACY_SETTINGS if not getattr(settings, name)]
    if missing:
        yield Notice(
            _(
                "The privacy statement cannot yet name who hosts the site and its email, "
                "where the data is kept, or how long logs are kept. Ask your technician "
                "to set %(names)s (see the README, “Privacy statement”)."
            )
            % {"names": ", ".join(missing)},
            reverse("privacy"),
        )
