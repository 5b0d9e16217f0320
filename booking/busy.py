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

Before anything is parsed, the file is cut down as text (`_times_only`): every line but
an event's times, recurrence and status is dropped, and so is every one-off event that
ends long before the window or starts long after it. A feed with years of history (5 MB
is common) then costs a text scan, not a full parse (icalendar takes about 2 ms an
event here), and no title, note or guest list is ever parsed or kept in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import recurring_ical_events
import x_wr_timezone
from icalendar import Calendar, Component

# A 28-day window holds a few hundred events in a busy practice, and a person keeps at
# most some hundreds of repeating series. A feed with far more is not a calendar a person
# keeps (a generated file, an every-minute rule), and reading on would only cost time
# and memory: it is refused with a plain message. Rules finer than daily are refused
# too (no calendar app offers them), which bounds each series to one event a day.
MAX_EVENTS = 20_000
MAX_KEPT = 5_000
TOO_FINE = re.compile(rb"FREQ=(SECONDLY|MINUTELY|HOURLY)", re.IGNORECASE)
# What an event needs to be placed in time; everything else is dropped before parsing.
TIME_PROPERTIES = {
    b"BEGIN", b"END", b"UID", b"DTSTART", b"DTEND", b"DURATION", b"RRULE", b"RDATE",
    b"EXDATE", b"EXRULE", b"RECURRENCE-ID", b"STATUS", b"TRANSP", b"SEQUENCE",
}  # fmt: skip
SLACK = timedelta(days=2)  # for dates read as text, before any time zone is applied
DATE = re.compile(rb":(\d{8})")
UNTIL = re.compile(rb"UNTIL=(\d{8})", re.IGNORECASE)


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
    calendar = _parse(_times_only(data, start, end))
    found = []
    for event in _events(calendar, start, end):
        if _is_free(event):
            continue
        try:
            interval = _interval(event, zone)
        except Exception as error:  # a broken time in one event: the file is not sound
            raise FeedError(
                f"An event's time could not be read ({_short(error)})."
            ) from error
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


def _events(calendar: Calendar, start: datetime, end: datetime) -> list[Component]:
    try:
        events = recurring_ical_events.of(calendar).between(start, end)
    except Exception as error:
        raise FeedError(
            f"The calendar's events could not be read ({_short(error)})."
        ) from error
    if len(events) > MAX_EVENTS:
        raise FeedError(
            f"The calendar has more than {MAX_EVENTS:,} events in the next weeks."
        )
    return events


def _times_only(data: bytes, start: datetime, end: datetime) -> bytes:
    """The file with only what places events in time, and only events near the window."""
    first = (start - SLACK).strftime("%Y%m%d").encode()
    last = (end + SLACK).strftime("%Y%m%d").encode()
    unfolded = re.sub(rb"\r?\n[ \t]", b"", data)
    kept: list[bytes] = []
    event: list[bytes] | None = None
    depth = skipping = events = 0
    for line in unfolded.splitlines():
        name = line.split(b":", 1)[0].split(b";", 1)[0].strip().upper()
        value = line.split(b":", 1)[-1].strip().upper()
        if name == b"BEGIN":
            depth += 1
            if skipping or (
                depth == 2 and value in (b"VTODO", b"VJOURNAL", b"VFREEBUSY")
            ):
                skipping += 1
                continue
            if event is not None:  # an alarm inside an event: not a time she is busy
                skipping += 1
                continue
            if depth == 2 and value == b"VEVENT":
                event = [line]
                continue
        elif name == b"END":
            depth -= 1
            if skipping:
                skipping -= 1
                continue
            if event is not None and value == b"VEVENT":
                event.append(line)
                if _near(event, first, last):
                    events += 1
                    if events > MAX_KEPT:
                        raise FeedError(
                            f"The calendar has more than {MAX_KEPT:,} events still to come."
                        )
                    kept.extend(event)
                event = None
                continue
        if skipping:
            continue
        if event is not None:
            if name in TIME_PROPERTIES:
                event.append(line)
        else:
            kept.append(line)
    return b"\r\n".join(kept) + b"\r\n"


def _near(event: list[bytes], first: bytes, last: bytes) -> bool:
    """Whether an event (its lines) may have a time in the window: a one-off event by its
    dates, a series unless it ended before the window or starts after it."""
    dates, repeats, until, start = [], False, None, None
    for line in event:
        name = line.split(b":", 1)[0].split(b";", 1)[0].upper()
        if name == b"RRULE":
            if TOO_FINE.search(line):
                raise FeedError(
                    "The calendar has an event that repeats more often than daily, "
                    "which a calendar app does not make."
                )
            repeats = True
            found = UNTIL.search(line)
            until = found.group(1) if found else None
        elif name in (b"RDATE", b"EXRULE", b"DURATION"):
            return True  # rare: read in full rather than guessed at
        elif name in (b"DTSTART", b"DTEND", b"RECURRENCE-ID"):
            found = DATE.search(line)
            if found is None:
                return True  # not a date we can read as text: let the parser judge
            dates.append(found.group(1))
            if name == b"DTSTART":
                start = found.group(1)
    if repeats:
        return (until is None or until >= first) and (start is None or start <= last)
    if not dates:
        return True
    return not (max(dates) < first or min(dates) > last)


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
