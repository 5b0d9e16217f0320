"""Booking test helpers: the seeded therapist, a fixed clock, and a valid form."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from attachment.models import Therapist
from booking.forms import slot_value, started_token
from booking.services import book_consult, free_slots_for
from booking.slots import TORONTO

# Sunday evening in Toronto: the whole next week is bookable.
NOW = datetime(2026, 11, 29, 18, 0, tzinfo=TORONTO).astimezone(UTC)
MONDAY_10AM = datetime(2026, 11, 30, 10, 0, tzinfo=TORONTO).astimezone(UTC)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def quick_forms(settings):
    settings.BOOKING_MIN_SECONDS = 0


@pytest.fixture
def shikha(db) -> Therapist:
    return Therapist.objects.get(slug="shikha")


def make_booking(therapist: Therapist, starts_at=MONDAY_10AM, **overrides):
    fields = {
        "name": "Alice Martin",
        "email": "alice@example.org",
        "phone": "905 555 0101",
        "note": "Evenings are hard to talk.",
        "visitor_time_zone": "America/Toronto",
    } | overrides
    return book_consult(therapist=therapist, starts_at=starts_at, now=NOW, **fields)


def form_data(**overrides) -> dict:
    return {
        "slot": slot_value(MONDAY_10AM),
        "tz": "America/Toronto",
        "name": "Alice Martin",
        "email": "alice@example.org",
        "phone": "905 555 0101",
        "note": "",
        "in_ontario": "on",
        "age_16_plus": "on",
        "consent": "on",
        "website": "",
        "started": started_token(),
    } | overrides


def free(therapist: Therapist) -> list[datetime]:
    return free_slots_for(therapist, now=NOW)
