"""Text that people type: refused at its length before anything else reads it.

Django runs every validator of a field even after max_length has failed, so an over-long
value reaches the slower checks whole (a backtracking pattern on 100,000 characters held a
worker for 30 seconds). These fields refuse it in to_python(), before any validator, and
the checks here are plain loops over at most that many characters: nothing can backtrack.
"""

from __future__ import annotations

import unicodedata

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Control and format characters and line or paragraph separators: invisible, and able to
# start a new line or reverse the text around them in an email the practice sends.
HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}
# Zero-width (non-)joiners are format characters that spelling needs (Persian, Hindi,
# emoji sequences); they can neither break a line nor reorder text.
JOINERS = {"\u200c", "\u200d"}


def _refuse_over_long(field: forms.CharField, value: str) -> None:
    if field.max_length is not None and len(value) > field.max_length:
        raise ValidationError(
            field.error_messages.get("max_length", MaxLengthValidator.message),
            code="max_length",
            params={"limit_value": field.max_length, "show_value": len(value)},
        )


class BoundedCharField(forms.CharField):
    """A CharField that refuses a value over max_length before its other validators run."""

    def to_python(self, value):
        value = super().to_python(value)
        _refuse_over_long(self, value)
        return value


class BoundedEmailField(forms.EmailField):
    def to_python(self, value):
        value = super().to_python(value)
        _refuse_over_long(self, value)
        return value


class BoundedModelAdmin(admin.ModelAdmin):
    """An admin whose text fields refuse an over-long value before their validators run."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(formfield, forms.CharField) and formfield.max_length is not None:
            to_python = formfield.to_python

            def bounded(value, field=formfield, to_python=to_python):
                value = to_python(value)
                _refuse_over_long(field, value)
                return value

            # Replaces the bound method on this one field: the bound runs first.
            formfield.to_python = bounded  # type: ignore[method-assign]
        return formfield


def long_text_field(limit: int, *validators) -> dict:
    """formfield_overrides for an admin's TextFields: at most `limit` characters, refused
    before `validators` run."""
    return {
        "form_class": BoundedCharField,
        "max_length": limit,
        "validators": list(validators),
        "error_messages": {
            "max_length": _(
                "This is %(show_value)d characters long; a page can hold at most "
                "%(limit_value)d (about 3,300 words). Please shorten it, or split it "
                "into two."
            )
        },
    }


def has_hidden_characters(text: str, *, allowed: str = "") -> bool:
    return any(
        unicodedata.category(c) in HIDDEN_CATEGORIES
        and c not in JOINERS
        and c not in allowed
        for c in text
    )


def refuse_hidden_characters(text: str) -> None:
    if has_hidden_characters(text):
        raise ValidationError(
            _(
                "Please use letters, numbers and punctuation only: this has an invisible "
                "character or a line break in it."
            ),
            code="hidden",
        )


def refuse_hidden_characters_but_newlines(text: str) -> None:
    # Browsers send a textarea's line breaks as CR LF.
    if has_hidden_characters(text, allowed="\r\n"):
        raise ValidationError(
            _(
                "Please use letters, numbers, punctuation and line breaks only: this has "
                "an invisible character in it."
            ),
            code="hidden",
        )


PHONE_CHARACTERS = frozenset("0123456789+()-. ")


def validate_phone(value: str) -> None:
    """Digits with ordinary spaces and + ( ) - . between them, at least 7 characters
    from the first digit on (the rule the old pattern had, without its backtracking)."""
    first_digit = next((i for i, c in enumerate(value) if c in "0123456789"), None)
    if (
        any(c not in PHONE_CHARACTERS for c in value)
        or first_digit is None
        or len(value) - first_digit < 7
    ):
        raise ValidationError(
            _("Please check the phone number: digits, spaces and + ( ) - only."),
            code="invalid",
        )


# Names that are never a mailbox on the public internet: special-use and private names
# (RFC 2606, 6761, 6762, 8375, and the .internal top-level domain), and the top-level
# names of home and office networks. example.org and example.com are real public
# domains and stay valid.
PRIVATE_TOP_LEVEL = {
    "arpa", "corp", "example", "home", "internal", "intranet", "invalid", "lan",
    "local", "localdomain", "localhost", "onion", "private", "test",
}  # fmt: skip


def validate_deliverable_email(value: str) -> None:
    """An address mail can reach: a plain mailbox at a public domain name.

    Django's own check accepts quoted local parts, IP literals and "localhost"; a message
    to any of these never arrives (or goes somewhere it must not)."""
    if "@" not in value:
        return  # the email field's own check says what is wrong
    local, _at, domain = value.rpartition("@")
    labels = domain.rstrip(".").lower().split(".")
    if (
        local.startswith('"')
        or domain.startswith("[")
        or len(labels) < 2
        or labels[-1] in PRIVATE_TOP_LEVEL
        or labels[-1].isdigit()
    ):
        raise ValidationError(
            _(
                "Please give an email address you receive mail at, like "
                "name@example.org: this one cannot receive mail from us."
            ),
            code="undeliverable",
        )
