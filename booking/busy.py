"""The therapist's busy times, read from one of her calendar feeds (an ICS file).

Pure: bytes in, busy intervals out; no Django, no network. Only start and end leave this
module: a title, a description or a guest list never does, so none can be stored.

How her calendar is read, deliberately:
- Recurring events are expanded for the window asked for (recurrence rules, excluded
  dates, moved or cancelled instances) by `recurring-ical-events`.
- Google's feeds name their zone only in X-WR-TIMEZONE; `x-wr-timezone` turns their
  times into real zoned times first, as Google's own calendar shows them.
- An event marked free (TRANSP:TRANSPARENT) or cancelled (STATUS:CANCELLED) is not busy.
- An all-day event is busy for the whole of its days in the practice's zone, from
  midnight to midnight: a day she marked "away" is away from the first hour to the last.
- A floating time (no zone) is read in the practice's zone, where she lives.
- An event with no length (a reminder at 9:00) blocks nothing; the buffer is added when
  free times are computed (booking/slots.py), not here.
- Overlapping or touching intervals are merged: fewer rows, the same busy time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import recurring_ical_events
import x_wr_timezone
from icalendar import Calendar, Component

# A 28-day window holds a few hundred events in a busy practice. A feed that expands to
# far more is not a calendar a person keeps (an every-minute rule, a generated file), and
# reading on would only cost time and memory: it is refused with a plain message.
MAX_EVENTS = 20_000


class FeedError(Exception):
    """The file is not a calendar we can read; the message is for the therapist."""


@dataclass(frozen=True, order=True)
class Interval:
    start: datetime
    end: datetime


def busy_intervals(
    data: bytes, *, start: datetime, end: datetime, zone: ZoneInfo
) -> list[Interval]:
    """The merged busy intervals (aware, UTC) of the feed that meet [start, end)."""
    calendar = _parse(data)
    found = []
    for event in _events(calendar, start, end):
        if _is_free(event):
            continue
        interval = _interval(event, zone)
        if interval is not None and interval.end > start and interval.start < end:
            found.append(interval)
    return merge(found)


def merge(intervals: list[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for interval in sorted(intervals):
        if merged and interval.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Interval(last.start, max(last.end, interval.end))
        else:
            merged.append(interval)
    return merged


def _parse(data: bytes) -> Calendar:
    if not data.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
        # Most often a sign-in or error page served with a 200.
        raise FeedError("The address did not give a calendar file.")
    try:
        calendar = Calendar.from_ical(data)
        return x_wr_timezone.to_standard(calendar)
    except Exception as error:  # icalendar raises many kinds (ValueError, KeyError...)
        raise FeedError(
            f"The calendar file could not be read ({_short(error)})."
        ) from error


def _events(calendar: Calendar, start: datetime, end: datetime) -> Iterator[Component]:
    try:
        query = recurring_ical_events.of(calendar, skip_bad_series=False)
        # `after` yields in order of start: stop at the end of the window, so the work is
        # bounded by the window, never by how long a series runs.
        for count, event in enumerate(query.after(start)):
            if count >= MAX_EVENTS:
                raise FeedError(
                    f"The calendar has more than {MAX_EVENTS:,} events in the next weeks."
                )
            event_start = _moment(event.get("DTSTART").dt, ZoneInfo("UTC"))
            if event_start >= end + timedelta(days=1):  # all-day events start at 0:00
                return
            yield event
    except FeedError:
        raise
    except Exception as error:
        raise FeedError(
            f"The calendar's events could not be read ({_short(error)})."
        ) from error


def _is_free(event: Component) -> bool:
    transparency = str(event.get("TRANSP", "OPAQUE")).upper()
    status = str(event.get("STATUS", "")).upper()
    return transparency == "TRANSPARENT" or status == "CANCELLED"


def _interval(event: Component, zone: ZoneInfo) -> Interval | None:
    starts = event.get("DTSTART").dt
    ends_prop = event.get("DTEND")
    if ends_prop is not None:
        ends = ends_prop.dt
    elif event.get("DURATION") is not None:
        ends = starts + event.get("DURATION").dt
    elif isinstance(starts, datetime):
        ends = starts  # RFC 5545: a timed event without an end takes no time
    else:
        ends = starts + timedelta(days=1)  # an all-day event without an end is one day
    interval = Interval(_moment(starts, zone), _moment(ends, zone))
    return interval if interval.end > interval.start else None


def _moment(value: date | datetime, zone: ZoneInfo) -> datetime:
    """A date is its midnight in the practice's zone; a floating time is read there too."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def _short(error: Exception) -> str:
    return (str(error) or type(error).__name__)[:120]
