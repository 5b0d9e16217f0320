"""Her calendar's busy times in booking: never offered, and refused under the lock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking import calendars
from booking.busy import Interval
from booking.fetching import Fetched
from booking.models import BusyInterval, CalendarFeed
from booking.services import SlotTaken, offered_slots

from .conftest import MONDAY_10AM, NOW, free, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture
def feed(shikha) -> CalendarFeed:
    return CalendarFeed.objects.create(
        therapist=shikha, label="Work", url="https://calendar.example.org/x.ics",
        known_until=NOW + timedelta(days=40), last_synced_at=NOW,
    )  # fmt: skip


def test_a_busy_time_is_not_offered(shikha, feed):
    assert MONDAY_10AM in free(shikha)
    BusyInterval.objects.create(
        feed=feed, start=MONDAY_10AM, end=MONDAY_10AM + timedelta(hours=1)
    )
    assert MONDAY_10AM not in free(shikha)
    assert MONDAY_10AM not in offered_slots(shikha, now=NOW)


def test_booking_a_time_that_became_busy_is_refused(shikha, feed):
    BusyInterval.objects.create(
        feed=feed,
        start=MONDAY_10AM + timedelta(minutes=25),
        end=MONDAY_10AM + timedelta(hours=1),
    )  # within the buffer after a 10:00 consult
    with pytest.raises(SlotTaken):
        make_booking(shikha)


def test_a_feed_that_failed_for_days_closes_the_far_end_not_opens_it(shikha, feed):
    feed.known_until = NOW + timedelta(days=3)
    feed.save()
    assert max(free(shikha)) < NOW + timedelta(days=3)


def test_a_feed_never_read_yet_does_not_close_the_booking_page(shikha, feed):
    feed.known_until = None
    feed.save()
    assert max(free(shikha)) > NOW + timedelta(days=20)


def test_a_new_busy_time_reaches_the_cached_booking_page(shikha, feed):
    assert MONDAY_10AM in offered_slots(shikha, now=NOW)
    calendars._record_success(
        feed, now=NOW, intervals=[Interval(MONDAY_10AM, MONDAY_10AM + timedelta(hours=1))],
        fetched=Fetched(b""), until=NOW + timedelta(days=31),
    )  # fmt: skip
    assert MONDAY_10AM not in offered_slots(shikha, now=NOW)
