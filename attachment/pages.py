"""The facts the practice's pages quote that only the code or the deployment knows.

The privacy statement is hers to word, but how long the site keeps things is decided by
settings: the text names a fact in curly brackets ("{retention_days}") and the site fills
it in each time, so the statement cannot drift from what the code does.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from attachment.models import PracticeDetails, Therapist


def _days(count: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def _or_placeholder(value: str, what: str) -> str:
    # Marked like any placeholder, so the page shows it highlighted and the admin lists it.
    return value.strip() or f"[TO FILL IN: {what}]"


def page_facts(
    practice: PracticeDetails | None, therapists: list[Therapist]
) -> dict[str, str]:
    contact = therapists[0] if therapists else None
    log_days = settings.PRIVACY_LOG_RETENTION_DAYS
    cookie_hours = settings.QUIZ_ANSWERS_COOKIE_AGE // 3600
    return {
        "retention_days": _days(settings.PERSONAL_DATA_RETENTION_DAYS),
        "quiz_cookie_life": ngettext("%(count)d hour", "%(count)d hours", cookie_hours)
        % {"count": cookie_hours},
        "contact_person": (
            f"{contact.full_name}, {contact.get_title_display()}"
            if contact
            else _("[TO FILL IN: the practice's contact person]")
        ),
        "practice_name": practice.name if practice else "",
        "practice_email": practice.email if practice else "",
        "practice_phone": practice.phone if practice else "",
        "hosting_provider": _or_placeholder(
            settings.PRIVACY_HOSTING_PROVIDER, _("who hosts the site")
        ),
        "email_provider": _or_placeholder(
            settings.PRIVACY_EMAIL_PROVIDER, _("who runs the practice's email")
        ),
        "data_location": _or_placeholder(
            settings.PRIVACY_DATA_LOCATION, _("where the data is kept")
        ),
        "log_retention_days": (
            _days(log_days) if log_days else _("[TO FILL IN: how long logs are kept]")
        ),
    }
