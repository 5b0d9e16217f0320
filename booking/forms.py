from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from booking.zones import PRACTICE_ZONE, is_valid_zone
from core.ratelimit import claim
from core.text import (
    BoundedCharField,
    BoundedEmailField,
    refuse_hidden_characters,
    refuse_hidden_characters_but_newlines,
    validate_deliverable_email,
    validate_phone,
)

STARTED_SALT = "booking.started"


def started_token(csrf_secret: str = "") -> str:
    """When the form was shown, signed, usable once, and bound to the visitor's CSRF
    cookie: a bot cannot load the page once and replay its token for a whole calendar.
    (Only tests mint a token with no cookie to bind to; pages always bind theirs.)"""
    return signing.dumps(
        {"at": time.time(), "once": secrets.token_urlsafe(12), "for": _bound_to(csrf_secret)},
        salt=STARTED_SALT,
    )  # fmt: skip


def _bound_to(csrf_secret: str) -> str:
    return (
        salted_hmac(STARTED_SALT, csrf_secret, algorithm="sha256").hexdigest()[:16]
        if csrf_secret
        else ""
    )


def slot_value(moment: datetime) -> str:
    """The form's wire format for a start time: ISO 8601 in UTC, e.g. 2026-12-01T14:00:00Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_slot(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.strip())
        if moment.tzinfo is None or not 2000 <= moment.year <= 2999:
            return None  # far-off years would overflow when shown in another zone
        return moment.astimezone(UTC)
    except (ValueError, TypeError, OverflowError):
        return None


class SlotForm(forms.Form):
    slot = BoundedCharField(
        max_length=40, error_messages={"required": _("Please choose a time.")}
    )
    tz = BoundedCharField(max_length=64, required=False)

    def clean_slot(self) -> datetime:
        moment = parse_slot(self.cleaned_data["slot"])
        if moment is None:
            raise forms.ValidationError(_("Please choose one of the times shown."))
        return moment

    def clean_tz(self) -> str:
        zone = self.cleaned_data["tz"].strip()
        return zone if is_valid_zone(zone) else PRACTICE_ZONE


class ConsultForm(SlotForm):
    name = BoundedCharField(
        label=_("Your name"),
        max_length=120,
        validators=[refuse_hidden_characters],
        error_messages={"required": _("Please tell us what to call you.")},
    )
    email = BoundedEmailField(
        label=_("Email"),
        max_length=254,
        validators=[validate_deliverable_email],
        error_messages={
            "required": _("Please give an email address for the confirmation."),
            "invalid": _("Please check the email address: it looks incomplete."),
        },
    )
    phone = BoundedCharField(
        label=_("Phone number"),
        help_text=_("Shikha will call you on this number."),
        max_length=40,
        validators=[validate_phone],
        error_messages={"required": _("Please give a number we can call you on.")},
    )
    note = BoundedCharField(
        label=_("Anything you would like Shikha to know (optional)"),
        help_text=_(
            "A line or two is plenty. Please leave out health details: the call is a better place for them."
        ),
        max_length=500,
        required=False,
        # A note may run over a few lines; nothing else invisible.
        validators=[refuse_hidden_characters_but_newlines],
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
    )
    voicemail = forms.ChoiceField(
        label=_("Is it safe to leave a voicemail on this number? (optional)"),
        choices=[("yes", _("Yes")), ("no", _("No, please do not leave a message"))],
        required=False,
        widget=forms.RadioSelect,
    )
    call_times = BoundedCharField(
        label=_("When is a good, safe time to call? (optional)"),
        help_text=_(
            "For example: weekdays after 10 a.m. Only Shikha sees this: it is never put "
            "in calendar invites or in the emails we send you."
        ),
        max_length=200,
        required=False,
        validators=[refuse_hidden_characters],
    )
    in_ontario = forms.BooleanField(
        label=_("I live in Ontario and will be in Ontario for the call"),
        required=False,
    )
    age_16_plus = forms.BooleanField(label=_("I am 16 or older"), required=False)
    consent = forms.BooleanField(
        label=_("I agree to the privacy statement"),
        error_messages={
            "required": _(
                "Please agree to the privacy statement so that we may keep your details for the call."
            )
        },
    )
    share_result = forms.BooleanField(required=False)
    result = BoundedCharField(required=False, max_length=4000)
    # Spam guards: a field people never see, and when the form was shown.
    website = BoundedCharField(required=False, max_length=200)
    started = BoundedCharField(required=False, max_length=200)

    def __init__(self, *args, csrf_secret: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.csrf_secret = csrf_secret

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("website"):
            raise forms.ValidationError(
                _("We could not send this form. Please email or call us instead.")
            )
        started = self._started(data.get("started", ""))
        if started is None:
            raise forms.ValidationError(
                _(
                    "Something went wrong with the form. Please check your details and send it again."
                )
            )
        shown_at, once = started
        elapsed = time.time() - shown_at
        if elapsed < settings.BOOKING_MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "That was very quick! Please check your details and send the form again."
                )
            )
        if elapsed > settings.BOOKING_MAX_FORM_AGE:
            raise forms.ValidationError(
                _(
                    "This page was open for a long while, so the times may have changed. "
                    "Please check the time you chose and send the form again."
                )
            )
        # Used up only by a form that is otherwise fine: fixing a typo needs no new token.
        if not self.errors and not claim(
            "booking-form", once, lifetime=settings.BOOKING_MAX_FORM_AGE + 60
        ):
            raise forms.ValidationError(
                _(
                    "This form was already sent. If no confirmation email reaches you in "
                    "a few minutes, please reload the page and choose a time again."
                )
            )
        return data

    def _started(self, token: str) -> tuple[float, str] | None:
        """(when the form was shown, its single-use id), if the token is ours and this
        visitor's; else None."""
        try:
            payload = signing.loads(token, salt=STARTED_SALT)
            shown_at, once, bound_to = (
                float(payload["at"]),
                str(payload["once"]),
                payload["for"],
            )
        except (signing.BadSignature, TypeError, ValueError, KeyError):
            return None
        if bound_to and not constant_time_compare(
            bound_to, _bound_to(self.csrf_secret)
        ):
            return None
        return shown_at, once

    @property
    def eligible(self) -> bool:
        return bool(self.cleaned_data.get("in_ontario")) and bool(
            self.cleaned_data.get("age_16_plus")
        )
