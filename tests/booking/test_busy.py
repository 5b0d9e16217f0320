"""booking/busy.py: her calendar files in, busy intervals out (plain functions, no database).

Each case reads a real-shaped file in tests/booking/calendars/, as Google, Outlook and
Apple write them. Times are written below in Toronto time, as she would read them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from booking.busy import MAX_KEPT, FeedError, busy_intervals
from tests.conftest import TORONTO

FILES = Path(__file__).parent / "calendars"
# Sunday evening, as in the other booking tests; the window is the booking horizon.
NOW = datetime(2026, 11, 29, 18, 0, tzinfo=TORONTO).astimezone(UTC)
UNTIL = NOW + timedelta(days=31)


def busy(name: str) -> list[str]:
    return as_text(
        busy_intervals((FILES / name).read_bytes(), start=NOW, end=UNTIL, zone=TORONTO)
    )


def as_text(intervals) -> list[str]:
    return [
        f"{i.start.astimezone(TORONTO):%m-%d %H:%M}–{i.end.astimezone(TORONTO):%m-%d %H:%M}"
        for i in intervals
    ]


def test_a_weekly_event_skips_its_excluded_date_and_follows_its_moved_instance():
    assert busy("weekly_exdate_moved.ics") == [
        "12-01 14:00–12-01 15:00",
        # 12-08 is excluded (EXDATE); 12-15 moved to the morning of 12-16.
        "12-16 09:00–12-16 10:00",
        "12-22 14:00–12-22 15:00",
        "12-29 14:00–12-29 15:00",
    ]


def test_an_all_day_event_is_busy_from_midnight_to_midnight_in_toronto():
    assert busy("all_day.ics") == ["12-04 00:00–12-05 00:00"]


def test_a_multi_day_event_is_busy_throughout():
    assert busy("multi_day.ics") == ["12-09 16:00–12-11 11:00"]


def test_an_event_in_another_zone_is_placed_at_the_same_moment():
    # 7:00 in Vancouver (Outlook's "Pacific Standard Time" zone) is 10:00 in Toronto.
    assert busy("other_zone.ics") == ["12-03 10:00–12-03 11:00"]


def test_a_floating_time_is_read_in_the_practice_zone():
    assert busy("floating.ics") == ["12-07 13:00–12-07 14:15"]


def test_a_google_feed_is_read_in_its_x_wr_timezone():
    # A weekly 10:00 Vancouver client, written by Google in UTC from October (daylight
    # time): still 10:00 in Vancouver (13:00 in Toronto) after the clocks changed, and a
    # floating 9:00 is 9:00 in Vancouver (12:00 in Toronto).
    assert busy("google_x_wr_timezone.ics") == [
        "12-01 13:00–12-01 14:00",
        "12-08 12:00–12-08 12:30",
        "12-08 13:00–12-08 14:00",
        "12-15 13:00–12-15 14:00",
        "12-22 13:00–12-22 14:00",
        "12-29 13:00–12-29 14:00",
    ]


def test_an_event_shown_as_free_is_not_busy():
    assert busy("transparent.ics") == ["12-02 13:00–12-02 14:00"]


def test_a_cancelled_instance_and_a_cancelled_event_are_not_busy():
    assert busy("cancelled_instance.ics") == [
        "12-03 15:00–12-03 16:00",
        # 12-10 was cancelled; the series ends after ten (12-31 is past the window).
        "12-17 15:00–12-17 16:00",
        "12-24 15:00–12-24 16:00",
    ]


def test_an_empty_calendar_has_no_busy_times():
    assert busy("empty.ics") == []


def test_a_malformed_file_is_refused_with_a_plain_reason():
    with pytest.raises(FeedError, match="could not be read"):
        busy("malformed.ics")


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<!doctype html><title>Sign in</title>",
        b"BEGIN:VCALENDAR\r\nnot ical at all",
    ],
)
def test_what_is_not_a_calendar_is_refused(body):
    with pytest.raises(FeedError):
        busy_intervals(body, start=NOW, end=UNTIL, zone=TORONTO)


def test_overlapping_events_are_merged():
    body = _calendar(
        _event("a", "20261201T100000", "20261201T110000"),
        _event("b", "20261201T103000", "20261201T113000"),
        _event("c", "20261201T113000", "20261201T120000"),
    )
    assert as_text(busy_intervals(body, start=NOW, end=UNTIL, zone=TORONTO)) == [
        "12-01 10:00–12-01 12:00"
    ]


def test_events_outside_the_window_are_left_out():
    body = _calendar(
        _event("past", "20261101T100000", "20261101T110000"),
        _event("far", "20270301T100000", "20270301T110000"),
    )
    assert busy_intervals(body, start=NOW, end=UNTIL, zone=TORONTO) == []


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_a_rule_repeating_more_often_than_daily_is_refused_not_expanded(freq):
    body = _calendar(
        _event("x", "20261201T100000", "20261201T100100", f"RRULE:FREQ={freq}")
    )
    with pytest.raises(FeedError, match="more often than daily"):
        busy_intervals(body, start=NOW, end=UNTIL, zone=TORONTO)


def test_a_file_with_thousands_of_events_to_come_is_refused_before_parsing():
    body = _calendar(
        *(
            _event(f"e{n}", "20261201T100000", "20261201T110000")
            for n in range(MAX_KEPT + 1)
        )
    )
    with pytest.raises(FeedError, match=f"{MAX_KEPT:,}"):
        busy_intervals(body, start=NOW, end=UNTIL, zone=TORONTO)


def test_a_series_that_ended_before_the_window_is_left_out():
    body = _calendar(
        _event(
            "old",
            "20250106T090000",
            "20250106T100000",
            "RRULE:FREQ=WEEKLY;UNTIL=20251231T000000Z",
        )
    )
    assert busy_intervals(body, start=NOW, end=UNTIL, zone=TORONTO) == []


def test_an_alarm_inside_an_event_is_not_a_busy_time():
    body = _calendar(
        _event(
            "a", "20261201T100000", "20261201T110000",
            "BEGIN:VALARM", "TRIGGER:-PT15M", "ACTION:DISPLAY", "DESCRIPTION:Go", "END:VALARM",
        )
    )  # fmt: skip
    assert as_text(busy_intervals(body, start=NOW, end=UNTIL, zone=TORONTO)) == [
        "12-01 10:00–12-01 11:00"
    ]


def test_a_5_mb_calendar_of_years_of_history_is_read(five_mb_calendar):
    assert len(five_mb_calendar) >= 5 * 1024 * 1024
    found = busy_intervals(five_mb_calendar, start=NOW, end=UNTIL, zone=TORONTO)
    # Only the weekly Monday 9:00 session in the window remains of 15,500 events.
    assert as_text(found)[:2] == ["11-30 09:00–11-30 09:50", "12-07 09:00–12-07 09:50"]
    assert len(found) == 5


def test_no_event_text_comes_out():
    found = busy_intervals(
        (FILES / "weekly_exdate_moved.ics").read_bytes(),
        start=NOW,
        end=UNTIL,
        zone=TORONTO,
    )
    assert {tuple(vars(i)) for i in found} == {("start", "end")}


def _event(uid: str, start: str, end: str, *extra: str) -> str:
    lines = [
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T000000Z",
        f"DTSTART;TZID=America/Toronto:{start}", f"DTEND;TZID=America/Toronto:{end}",
        *extra, "SUMMARY:Private", "END:VEVENT",
    ]  # fmt: skip
    return "\r\n".join(lines)


def _calendar(*events: str) -> bytes:
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Test//EN",
            *events,
            "END:VCALENDAR",
            "",
        ]
    ).encode()
