"""booking/slots.py with her own calendar's busy times: plain functions, no database.

A busy time keeps the buffer clear on both sides, as a consult does. The properties are
checked by hypothesis over random calendars around both daylight-saving changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import partial

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from booking import slots as pure
from booking.slots import Away, Busy, Rules, WeeklyRange
from tests.conftest import TORONTO

free_slots = partial(pure.free_slots, zone=TORONTO)

HOURS = [
    WeeklyRange(day, start, end)
    for day in range(7)
    for start, end in [(time(0, 30), time(3, 30)), (time(10), time(12)), (time(13), time(17))]
]  # fmt: skip


def toronto(*args: int) -> datetime:
    return datetime(*args, tzinfo=TORONTO).astimezone(UTC)


SUNDAY_EVENING = toronto(2026, 11, 29, 18, 0)


def on_day(slots: list[datetime], day: date) -> list[str]:
    return [
        f"{s.astimezone(TORONTO):%H:%M}"
        for s in slots
        if s.astimezone(TORONTO).date() == day
    ]


def test_a_busy_hour_keeps_the_buffer_clear_before_and_after_it():
    away = [Away(toronto(2026, 11, 30, 11, 0), toronto(2026, 11, 30, 11, 30))]
    slots = free_slots(weekly_hours=HOURS, away=away, now=SUNDAY_EVENING)
    # 20-minute consults, 10-minute buffer: 10:30 ends at 10:50, 10 minutes before
    # 11:00, and is still offered; 11:30 would start as it ends, with no buffer.
    assert on_day(slots, date(2026, 11, 30))[:3] == ["10:00", "10:30", "13:00"]


def test_a_time_ending_exactly_a_buffer_before_a_busy_time_is_offered():
    away = [Away(toronto(2026, 11, 30, 13, 30), toronto(2026, 11, 30, 14, 0))]
    slots = on_day(
        free_slots(weekly_hours=HOURS, away=away, now=SUNDAY_EVENING),
        date(2026, 11, 30),
    )
    assert "13:00" in slots  # ends 13:20, buffer to 13:30
    assert "14:00" not in slots  # starts when it ends: no buffer
    assert "14:30" in slots


def test_an_all_day_busy_time_closes_the_day():
    away = [Away(toronto(2026, 12, 1, 0, 0), toronto(2026, 12, 2, 0, 0))]
    slots = free_slots(weekly_hours=HOURS, away=away, now=SUNDAY_EVENING)
    assert on_day(slots, date(2026, 12, 1)) == []
    assert on_day(slots, date(2026, 12, 2))[0] == "00:30"  # the buffer is past by then


def test_nothing_is_offered_past_what_her_calendars_are_known_to_hold():
    known_until = toronto(2026, 12, 3, 12, 0)
    slots = free_slots(weekly_hours=HOURS, known_until=known_until, now=SUNDAY_EVENING)
    assert max(slots) + Rules().blocked <= known_until
    assert on_day(slots, date(2026, 12, 3))[-1] == "11:30"


def test_an_empty_or_backwards_busy_time_blocks_nothing():
    at = toronto(2026, 11, 30, 11, 0)
    without = free_slots(weekly_hours=HOURS, now=SUNDAY_EVENING)
    assert (
        free_slots(
            weekly_hours=HOURS,
            away=[Away(at, at), Away(at, at - timedelta(hours=1))],
            now=SUNDAY_EVENING,
        )
        == without
    )


# ---- properties ----

# Both daylight-saving changes of 2026, and an ordinary week.
CLOCKS = st.sampled_from(
    [toronto(2026, 3, 5, 9, 0), toronto(2026, 10, 29, 16, 0), SUNDAY_EVENING]
)
RULES = st.builds(
    Rules,
    consult_minutes=st.integers(5, 90),
    buffer_minutes=st.integers(0, 45),
    minimum_notice_hours=st.integers(0, 24),
    book_ahead_days=st.integers(1, 14),
)


@st.composite
def calendars(draw):
    now = draw(CLOCKS)
    moment = st.integers(0, 15 * 24 * 60).map(lambda m: now + timedelta(minutes=m))
    length = st.integers(1, 3 * 24 * 60).map(lambda m: timedelta(minutes=m))
    away = [
        Away(s, s + d)
        for s, d in draw(st.lists(st.tuples(moment, length), max_size=12))
    ]
    bookings = [
        Busy(s, s + timedelta(minutes=m))
        for s, m in draw(st.lists(st.tuples(moment, st.integers(5, 120)), max_size=8))
    ]
    return now, away, bookings, draw(RULES)


def clashes_with_away(start: datetime, rules: Rules, away: Away) -> bool:
    buffer = timedelta(minutes=rules.buffer_minutes)
    return start < away.end + buffer and away.start < start + rules.length + buffer


def clashes_with_consult(start: datetime, rules: Rules, consult: Busy) -> bool:
    return start < consult.blocked_until and consult.starts_at < start + rules.blocked


@hypothesis_settings(max_examples=300, deadline=None)
@given(calendars())
def test_no_offered_time_meets_a_busy_time_or_a_consult_with_its_buffer(calendar):
    now, away, bookings, rules = calendar
    slots = free_slots(
        weekly_hours=HOURS, bookings=bookings, away=away, rules=rules, now=now
    )
    for start in slots:
        assert not any(
            clashes_with_away(start, rules, a) for a in away if a.end > a.start
        )
        assert not any(clashes_with_consult(start, rules, b) for b in bookings)


@hypothesis_settings(max_examples=300, deadline=None)
@given(calendars())
def test_busy_times_take_away_exactly_the_times_they_meet(calendar):
    now, away, bookings, rules = calendar
    without = free_slots(weekly_hours=HOURS, bookings=bookings, rules=rules, now=now)
    with_away = free_slots(
        weekly_hours=HOURS, bookings=bookings, away=away, rules=rules, now=now
    )
    assert with_away == [
        s
        for s in without
        if not any(clashes_with_away(s, rules, a) for a in away if a.end > a.start)
    ]
