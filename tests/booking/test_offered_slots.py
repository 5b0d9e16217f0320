"""The booking page's list of free times comes from the cache, and is never stale."""

from __future__ import annotations

from datetime import timedelta

from booking.models import TimeOff, WeeklyHours
from booking.services import offered_slots
from tests.booking.conftest import MONDAY_10AM, NOW, free, make_booking


def test_the_offered_times_are_the_free_times(shikha):
    assert offered_slots(shikha, now=NOW) == free(shikha)


def test_a_new_booking_leaves_the_offered_times_at_once(shikha):
    assert MONDAY_10AM in offered_slots(shikha, now=NOW)
    make_booking(shikha)
    assert MONDAY_10AM not in offered_slots(shikha, now=NOW)


def test_a_cancelled_booking_is_offered_again_at_once(shikha):
    booking = make_booking(shikha)
    offered_slots(shikha, now=NOW)
    booking.status = booking.Status.CANCELLED
    booking.save()
    assert MONDAY_10AM in offered_slots(shikha, now=NOW)


def test_time_off_and_new_hours_show_at_once(shikha):
    offered_slots(shikha, now=NOW)
    TimeOff.objects.create(
        therapist=shikha, first_day=MONDAY_10AM.date(), last_day=MONDAY_10AM.date()
    )
    assert MONDAY_10AM not in offered_slots(shikha, now=NOW)
    WeeklyHours.objects.create(therapist=shikha, weekday=6, start="10:00", end="11:00")
    assert offered_slots(shikha, now=NOW) == free(shikha)


def test_a_time_that_came_too_close_is_no_longer_offered_from_the_cache(shikha):
    offered_slots(shikha, now=NOW)
    later = MONDAY_10AM - timedelta(hours=11)  # inside the 12-hour minimum notice
    assert MONDAY_10AM not in offered_slots(shikha, now=later)
