"""Signed links that let a client see, cancel or move their consult without an account."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "booking.manage"


@dataclass(frozen=True)
class LinkClaim:
    booking_id: int
    sequence: int


def make_token(booking) -> str:
    # The sequence ties the link to one booked time: after a reschedule it is superseded.
    return signing.dumps({"b": booking.pk, "s": booking.sequence}, salt=SALT)


def read_token(token: str) -> LinkClaim | None:
    try:
        data = signing.loads(token, salt=SALT)
        return LinkClaim(int(data["b"]), int(data["s"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def confirmation_url(booking) -> str:
    return reverse("booking:confirmed", args=[make_token(booking)])


def cancel_url(booking) -> str:
    return reverse("booking:cancel", args=[make_token(booking)])


def reschedule_url(booking) -> str:
    return reverse("booking:reschedule", args=[make_token(booking)])
