"""booking/slots.py as a specification: plain functions, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from booking import slots as pure
from booking.slots import Busy, DaysOff, Rules, WeeklyRange, local_moment, nearest
from tests.conftest import TORONTO

free_slots = partial(pure.free_slots, zone=TORONTO)

WEEKDAYS_10_TO_12 = [WeeklyRange(day, time(10), time(12)) for day in range(5)]
DEFAULT_HOURS = [
    WeeklyRange(day, start, end)
    for day in range(5)
    for start, end in [(time(10), time(12)), (time(13), time(17))]
]
VANCOUVER = ZoneInfo("America/Vancouver")


def toronto(*args: int) -> datetime:
    return datetime(*args, tzinfo=TORONTO).astimezone(UTC)


def on_day(slots: list[datetime], day: date) -> list[str]:
    return [
        f"{s.astimezone(TORONTO):%H:%M}"
        for s in slots
        if s.astimezone(TORONTO).date() == day
    ]


# A Sunday evening: Monday morning is more than 12 hours away.
SUNDAY_EVENING = toronto(2026, 11, 29, 18, 0)


def test_slots_start_every_half_hour_and_end_inside_the_hours():
    slots = free_slots(weekly_hours=DEFAULT_HOURS, now=SUNDAY_EVENING)
    assert on_day(slots, date(2026, 11, 30)) == [
        "10:00", "10:30", "11:00", "11:30",
        "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30",
    ]  # fmt: skip


def test_every_slot_is_an_aware_utc_datetime_in_order():
    slots = free_slots(weekly_hours=DEFAULT_HOURS, now=SUNDAY_EVENING)
    assert slots == sorted(slots)
    assert all(s.tzinfo is UTC for s in slots)


def test_no_slots_on_weekends_without_hours():
    slots = free_slots(weekly_hours=DEFAULT_HOURS, now=SUNDAY_EVENING)
    assert on_day(slots, date(2026, 12, 5)) == []
    assert on_day(slots, date(2026, 12, 6)) == []


def test_minimum_notice_hides_times_too_soon():
    now = toronto(2026, 11, 30, 0, 30)  # 12 hours later is 12:30
    slots = free_slots(weekly_hours=DEFAULT_HOURS, now=now)
    assert on_day(slots, date(2026, 11, 30))[0] == "13:00"


def test_a_time_exactly_at_the_minimum_notice_is_offered():
    now = toronto(2026, 11, 29, 22, 0)
    assert (
        on_day(free_slots(weekly_hours=DEFAULT_HOURS, now=now), date(2026, 11, 30))[0]
        == "10:00"
    )


def test_nothing_beyond_the_booking_horizon():
    slots = free_slots(weekly_hours=DEFAULT_HOURS, now=SUNDAY_EVENING)
    assert max(slots) <= SUNDAY_EVENING + timedelta(days=28)
    assert on_day(slots, date(2026, 12, 25))  # a Friday inside 28 days
    assert on_day(slots, date(2026, 12, 28)) == []  # 29 days ahead


def test_a_shorter_horizon_is_respected():
    slots = free_slots(
        weekly_hours=DEFAULT_HOURS, rules=Rules(book_ahead_days=2), now=SUNDAY_EVENING
    )
    assert {s.astimezone(TORONTO).date() for s in slots} == {
        date(2026, 11, 30),
        date(2026, 12, 1),
    }


def test_time_off_removes_whole_days_both_ends_included():
    off = [DaysOff(date(2026, 12, 1), date(2026, 12, 2))]
    slots = free_slots(weekly_hours=DEFAULT_HOURS, time_off=off, now=SUNDAY_EVENING)
    assert on_day(slots, date(2026, 11, 30))
    assert on_day(slots, date(2026, 12, 1)) == []
    assert on_day(slots, date(2026, 12, 2)) == []
    assert on_day(slots, date(2026, 12, 3))


def test_a_booked_time_and_its_buffer_are_not_offered():
    start = toronto(2026, 11, 30, 10, 30)
    busy = [Busy(start, start + timedelta(minutes=30))]
    slots = free_slots(
        weekly_hours=WEEKDAYS_10_TO_12, bookings=busy, now=SUNDAY_EVENING
    )
    assert on_day(slots, date(2026, 11, 30)) == ["10:00", "11:00", "11:30"]


def test_a_booking_off_the_grid_blocks_the_slots_it_overlaps_with_buffers():
    start = toronto(2026, 11, 30, 10, 45)  # e.g. made before the hours changed
    busy = [Busy(start, start + timedelta(minutes=30))]
    slots = free_slots(
        weekly_hours=WEEKDAYS_10_TO_12, bookings=busy, now=SUNDAY_EVENING
    )
    # 10:30 would run with its buffer to 11:00, past 10:45; 11:00 starts before 11:15.
    assert on_day(slots, date(2026, 11, 30)) == ["10:00", "11:30"]


def test_several_ranges_on_one_weekday_are_all_used():
    hours = [WeeklyRange(0, time(9), time(9, 30)), WeeklyRange(0, time(18), time(19))]
    slots = free_slots(weekly_hours=hours, now=SUNDAY_EVENING)
    assert on_day(slots, date(2026, 11, 30)) == ["09:00", "18:00", "18:30"]


def test_a_range_too_short_for_a_consult_offers_nothing():
    hours = [WeeklyRange(0, time(9), time(9, 15))]
    assert free_slots(weekly_hours=hours, now=SUNDAY_EVENING) == []


def test_now_must_be_aware():
    import pytest

    with pytest.raises(ValueError):
        free_slots(weekly_hours=DEFAULT_HOURS, now=datetime(2026, 11, 29, 18))


# ---- Daylight saving time in Toronto ----


def test_10_am_stays_10_am_toronto_across_the_spring_2026_change():
    now = toronto(2026, 3, 3, 18, 0)
    slots = free_slots(weekly_hours=WEEKDAYS_10_TO_12, now=now)
    before, after = date(2026, 3, 6), date(2026, 3, 9)  # Friday, Monday around March 8
    assert on_day(slots, before)[0] == on_day(slots, after)[0] == "10:00"
    assert datetime(2026, 3, 6, 15, 0, tzinfo=UTC) in slots  # EST: UTC-5
    assert datetime(2026, 3, 9, 14, 0, tzinfo=UTC) in slots  # EDT: UTC-4


def test_10_am_stays_10_am_toronto_across_the_autumn_2026_change():
    now = toronto(2026, 10, 27, 18, 0)
    slots = free_slots(weekly_hours=WEEKDAYS_10_TO_12, now=now)
    assert datetime(2026, 10, 30, 14, 0, tzinfo=UTC) in slots  # Friday, EDT
    assert datetime(2026, 11, 2, 15, 0, tzinfo=UTC) in slots  # Monday, EST


def test_10_am_stays_10_am_toronto_across_the_spring_2027_change():
    now = toronto(2027, 3, 9, 18, 0)
    slots = free_slots(weekly_hours=WEEKDAYS_10_TO_12, now=now)
    assert datetime(2027, 3, 12, 15, 0, tzinfo=UTC) in slots
    assert datetime(2027, 3, 15, 14, 0, tzinfo=UTC) in slots


def test_10_am_stays_10_am_toronto_across_the_autumn_2027_change():
    now = toronto(2027, 11, 2, 18, 0)
    slots = free_slots(weekly_hours=WEEKDAYS_10_TO_12, now=now)
    assert datetime(2027, 11, 5, 14, 0, tzinfo=UTC) in slots
    assert datetime(2027, 11, 8, 15, 0, tzinfo=UTC) in slots


def test_every_day_of_a_change_week_keeps_the_same_local_times():
    now = toronto(2026, 11, 1, 0, 0)
    slots = free_slots(weekly_hours=DEFAULT_HOURS, now=now)
    for day in range(2, 7):
        assert on_day(slots, date(2026, 11, day)) == on_day(slots, date(2026, 11, 9))


def test_a_local_time_skipped_by_spring_forward_is_never_offered():
    sunday_hours = [WeeklyRange(6, time(2), time(3))]
    slots = free_slots(weekly_hours=sunday_hours, now=toronto(2026, 3, 1, 0, 0))
    assert on_day(slots, date(2026, 3, 8)) == []
    assert on_day(slots, date(2026, 3, 15)) == ["02:00", "02:30"]


def test_a_range_across_the_spring_gap_offers_only_real_times():
    sunday_hours = [WeeklyRange(6, time(1), time(4))]
    slots = free_slots(weekly_hours=sunday_hours, now=toronto(2026, 3, 1, 0, 0))
    assert on_day(slots, date(2026, 3, 8)) == ["01:00", "01:30", "03:00", "03:30"]


def test_a_local_time_repeated_by_fall_back_is_offered_once_at_its_first_occurrence():
    sunday_hours = [WeeklyRange(6, time(1), time(2))]
    slots = free_slots(weekly_hours=sunday_hours, now=toronto(2026, 10, 25, 0, 0))
    day = [s for s in slots if s.astimezone(TORONTO).date() == date(2026, 11, 1)]
    assert day == [
        datetime(2026, 11, 1, 5, 0, tzinfo=UTC),  # 01:00 EDT
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),  # 01:30 EDT, not 01:30 EST
    ]


def test_local_moment_reports_a_missing_time_as_none():
    assert local_moment(date(2027, 3, 14), time(2, 30), TORONTO) is None
    assert local_moment(date(2027, 3, 14), time(3, 30), TORONTO) == datetime(
        2027, 3, 14, 7, 30, tzinfo=UTC
    )


def test_a_vancouver_visitor_sees_10_am_toronto_as_7_am_pacific():
    slots = free_slots(weekly_hours=WEEKDAYS_10_TO_12, now=SUNDAY_EVENING)
    first = slots[0].astimezone(VANCOUVER)
    assert (first.date(), first.hour, first.tzname()) == (date(2026, 11, 30), 7, "PST")


def test_a_vancouver_visitor_keeps_the_3_hour_gap_across_the_change_weekend():
    # Both zones change on the same night, so the gap never opens to 2 or 4 hours.
    slots = free_slots(weekly_hours=WEEKDAYS_10_TO_12, now=toronto(2026, 3, 3, 18))
    for s in slots:
        assert s.astimezone(TORONTO).hour - s.astimezone(VANCOUVER).hour == 3


def test_nearest_gives_the_closest_times_in_order():
    slots = free_slots(weekly_hours=DEFAULT_HOURS, now=SUNDAY_EVENING)
    target = toronto(2026, 11, 30, 12, 0)
    assert [f"{s.astimezone(TORONTO):%H:%M}" for s in nearest(slots, target, 4)] == [
        "10:30", "11:00", "11:30", "13:00",
    ]  # fmt: skip
