"""Free consult times: weekly hours, time off, existing bookings, the therapist's busy
times from her own calendar, and now in; start times out.

Pure Python, no Django: the rules that must never break are tested here as plain
functions (tests/booking/test_slots.py).

How wall-clock time is treated, deliberately:
- Weekly hours are wall-clock times in the practice's zone, so a 10:00 consult stays at
  10:00 Toronto time on both sides of a daylight-saving change (its UTC time moves).
- A local time that does not exist (02:30 on the night clocks spring forward) is never
  offered: there is no such moment to meet at.
- A local time that happens twice (01:30 on the night clocks fall back) is offered once,
  at its first occurrence (daylight time), so nobody books an ambiguous hour twice.
- Every returned start is an aware datetime in UTC.
- A busy time from her calendar keeps the buffer clear on both sides of it, as a consult
  does: no consult ends less than the buffer before it, nor starts less after it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class WeeklyRange:
    """Open for consults on `weekday` (0 = Monday) from `start` to `end`, local time."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True)
class DaysOff:
    """No consults from `first_day` to `last_day`, both included, local dates."""

    first_day: date
    last_day: date


@dataclass(frozen=True)
class Busy:
    """A confirmed consult: nothing else may start before `blocked_until` (end + buffer)."""

    starts_at: datetime
    blocked_until: datetime


@dataclass(frozen=True)
class Away:
    """A busy time from the therapist's own calendar, from `start` to `end` (aware)."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Rules:
    consult_minutes: int = 20
    buffer_minutes: int = 10
    minimum_notice_hours: int = 12
    book_ahead_days: int = 28

    @property
    def length(self) -> timedelta:
        return timedelta(minutes=self.consult_minutes)

    @property
    def blocked(self) -> timedelta:
        """How long a consult keeps the calendar busy: its length plus the buffer."""
        return timedelta(minutes=self.consult_minutes + self.buffer_minutes)


def local_moment(day: date, wall: time, zone: ZoneInfo) -> datetime | None:
    """`day` at `wall` o'clock in `zone`, in UTC; None if that local time does not exist.

    A repeated local time resolves to its first occurrence (fold=0).
    """
    naive = datetime.combine(day, wall)
    aware = naive.replace(tzinfo=zone, fold=0)
    as_utc = aware.astimezone(UTC)
    if as_utc.astimezone(zone).replace(tzinfo=None) != naive:
        return None  # skipped by a spring-forward change
    return as_utc


def free_slots(
    *,
    weekly_hours: Iterable[WeeklyRange],
    time_off: Iterable[DaysOff] = (),
    bookings: Iterable[Busy] = (),
    away: Iterable[Away] = (),
    known_until: datetime | None = None,
    rules: Rules = Rules(),
    now: datetime,
    zone: ZoneInfo,
) -> list[datetime]:
    """Every start time a client may book, in order, as aware UTC datetimes.

    `known_until`: her calendars' busy times are known up to there only, so no consult
    that would end past it is offered.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    ranges = list(weekly_hours)
    days_off = list(time_off)
    # A consult blocks [start, end + buffer); a busy time [a, b) then clashes exactly
    # like a consult blocking [a, b + buffer): no consult ends within the buffer before
    # `a` (its own buffer would reach past `a`) nor starts within the buffer after `b`.
    buffer = timedelta(minutes=rules.buffer_minutes)
    calendar = _Calendar(
        [*bookings, *(Busy(a.start, a.end + buffer) for a in away if a.end > a.start)]
    )
    earliest = now + timedelta(hours=rules.minimum_notice_hours)
    latest = now + timedelta(days=rules.book_ahead_days)
    if known_until is not None:
        latest = min(latest, known_until - rules.blocked)
    step = rules.blocked

    slots: set[datetime] = set()
    first_day = now.astimezone(zone).date()
    last_day = latest.astimezone(zone).date()
    day = first_day
    while day <= last_day:
        if not any(off.first_day <= day <= off.last_day for off in days_off):
            for opening in ranges:
                if opening.weekday == day.weekday():
                    slots.update(_slots_in_range(day, opening, rules, step, zone))
        day += timedelta(days=1)

    return sorted(
        start
        for start in slots
        if earliest <= start <= latest and not calendar.clashes(start, start + step)
    )


def _slots_in_range(
    day: date, opening: WeeklyRange, rules: Rules, step: timedelta, zone: ZoneInfo
) -> list[datetime]:
    found = []
    end = local_moment(day, opening.end, zone)
    if end is None:  # the range ends in a skipped hour: end at the next real minute
        end = datetime.combine(day, opening.end).replace(tzinfo=zone).astimezone(UTC)
    wall = datetime.combine(day, opening.start)
    # Step in wall-clock time so that 10:00, 10:30, ... stay on the local half hours.
    while wall.date() == day and wall.time() < opening.end:
        start = local_moment(day, wall.time(), zone)
        if start is not None and start + rules.length <= end:
            found.append(start)
        wall += step
    return found


class _Calendar:
    """The confirmed consults, indexed so that each candidate time costs a binary search
    rather than a pass over every booking (the booking page asks for hundreds of times)."""

    def __init__(self, bookings: Iterable[Busy]):
        busy = sorted(bookings, key=lambda b: b.starts_at)
        self.starts = [b.starts_at for b in busy]
        # The latest blocked_until among the first i consults (consults may overlap,
        # e.g. on SQLite, which has no exclusion constraint, so a running maximum).
        self.reach: list[datetime] = []
        for b in busy:
            self.reach.append(
                max(self.reach[-1], b.blocked_until) if self.reach else b.blocked_until
            )

    def clashes(self, start: datetime, until: datetime) -> bool:
        """Whether a consult blocking [start, until) meets any booked one."""
        # Only consults that start before `until` can meet it; of those, one clashes
        # exactly when the furthest any of them reaches is past `start`.
        before = bisect_left(self.starts, until)
        return before > 0 and self.reach[before - 1] > start


def nearest(
    slots: Iterable[datetime], target: datetime, count: int = 4
) -> list[datetime]:
    """The `count` free times closest to `target`, in time order."""
    closest = sorted(slots, key=lambda s: (abs(s - target), s))[:count]
    return sorted(closest)
