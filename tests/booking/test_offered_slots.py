"""The booking page's list of free times comes from the cache, and is never stale."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from booking.models import BookingSettings, TimeOff, WeeklyHours
from booking.services import free_slots_for, offered_slots
from tests.booking.conftest import MONDAY_10AM, NOW, free, make_booking
from tests.conftest import TORONTO


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


def test_a_day_off_counts_until_its_evening_ends_in_toronto(shikha):
    sunday = date(2026, 11, 29)
    half_past_nine = datetime(2026, 11, 29, 21, 30, tzinfo=TORONTO)
    nine_pm = (half_past_nine - timedelta(minutes=30)).astimezone(UTC)
    assert nine_pm.date() > sunday  # already Monday in UTC, as the server's clock says
    BookingSettings.objects.filter(therapist=shikha).update(minimum_notice_hours=0)
    WeeklyHours.objects.create(therapist=shikha, weekday=6, start="21:30", end="22:00")
    assert half_past_nine in free_slots_for(shikha, now=nine_pm)
    TimeOff.objects.create(therapist=shikha, first_day=sunday, last_day=sunday)
    assert half_past_nine not in free_slots_for(shikha, now=nine_pm)


def test_a_time_that_came_too_close_is_no_longer_offered_from_the_cache(shikha):
    offered_slots(shikha, now=NOW)
    later = MONDAY_10AM - timedelta(hours=11)  # inside the 12-hour minimum notice
    assert MONDAY_10AM not in offered_slots(shikha, now=later)
