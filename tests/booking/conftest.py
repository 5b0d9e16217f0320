"""Booking test helpers: the seeded therapist, bookings and a valid form (the fixed
clock and quick_forms are in tests/conftest.py, shared with other folders)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from attachment.models import Therapist
from booking.forms import slot_value, started_token
from booking.services import book_consult, free_slots_for
from tests.conftest import NOW, TORONTO

MONDAY_10AM = datetime(2026, 11, 30, 10, 0, tzinfo=TORONTO).astimezone(UTC)


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


def five_mb_ics() -> bytes:
    """A calendar of about 5 MB, as years of history look: 15,500 past one-off events
    with notes, and one weekly Monday 9:00 session that runs on. Made here rather than
    kept in the repository (a 5 MB file in every clone for one test)."""
    note = "Notes from the session, kept in the calendar as many people do. " * 2
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Five MB//EN"]
    first = datetime(2018, 1, 1, 8, 0)
    for n in range(15_500):
        start = first + timedelta(hours=2 * n)
        lines += [
            "BEGIN:VEVENT", f"UID:history-{n}@example.org", "DTSTAMP:20260101T000000Z",
            f"DTSTART;TZID=America/Toronto:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=America/Toronto:{start + timedelta(minutes=50):%Y%m%dT%H%M%S}",
            f"SUMMARY:Client session {n}", f"DESCRIPTION:{note}", "END:VEVENT",
        ]  # fmt: skip
    lines += [
        "BEGIN:VEVENT", "UID:monday@example.org", "DTSTAMP:20260101T000000Z",
        "DTSTART;TZID=America/Toronto:20260105T090000",
        "DTEND;TZID=America/Toronto:20260105T095000",
        "RRULE:FREQ=WEEKLY;BYDAY=MO", "SUMMARY:Monday client", "END:VEVENT",
        "END:VCALENDAR", "",
    ]  # fmt: skip
    return "\r\n".join(lines).encode()


@pytest.fixture(scope="session")
def five_mb_calendar() -> bytes:
    return five_mb_ics()
