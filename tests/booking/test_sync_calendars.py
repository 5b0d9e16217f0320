"""sync_calendars against a real HTTP server on loopback, started by each test.

Her busy times come in, only as start and end; a feed that fails keeps its last good
times, says why in the admin and /healthz, and emails her once after an hour.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from booking import calendars
from booking.models import BusyInterval, CalendarFeed, OutgoingEmail
from core import notices
from tests.booking.conftest import NOW
from tests.booking.feed_server import FeedServer, endless, ics, redirect, slow, status
from tests.conftest import TORONTO

FILES = Path(__file__).parent / "calendars"
WEEKLY = (FILES / "weekly_exdate_moved.ics").read_bytes()


@pytest.fixture
def server(settings):
    settings.CALENDAR_ALLOW_LOOPBACK = True
    settings.CALENDAR_FETCH_TIMEOUT = 1
    settings.CALENDAR_MAX_BYTES = 1024 * 1024
    with FeedServer() as running:
        yield running


@pytest.fixture
def feed(shikha, server) -> CalendarFeed:
    server.routes["/private/basic.ics"] = ics(WEEKLY)
    return CalendarFeed.objects.create(
        therapist=shikha, label="Google – work", url=server.url("/private/basic.ics")
    )


def busy_times(feed: CalendarFeed) -> list[str]:
    return [
        f"{start.astimezone(TORONTO):%m-%d %H:%M}–{end.astimezone(TORONTO):%H:%M}"
        for start, end in feed.intervals.order_by("start").values_list("start", "end")
    ]


def sync(feed: CalendarFeed, now=NOW) -> CalendarFeed:
    calendars.sync_feed(feed, now=now)
    feed.refresh_from_db()
    return feed


def test_the_command_reads_every_feed_and_stores_its_busy_times(feed, clock, capsys):
    call_command("sync_calendars")
    assert capsys.readouterr().out.strip() == "Calendars read: 1. Could not be read: 0."
    feed.refresh_from_db()
    assert busy_times(feed) == [
        "12-01 14:00–15:00", "12-16 09:00–10:00", "12-22 14:00–15:00",
        "12-29 14:00–15:00",
    ]  # fmt: skip
    assert feed.last_synced_at == NOW and feed.etag == '"v1"' and feed.error == ""


def test_the_stored_rows_hold_no_event_text(feed):
    sync(feed)
    assert [f.name for f in BusyInterval._meta.get_fields()] == [
        "id",
        "feed",
        "start",
        "end",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM booking_busyinterval")
        rows = repr(cursor.fetchall())
        cursor.execute("SELECT * FROM booking_calendarfeed")
        rows += repr(cursor.fetchall())
    for text in ["Supervision", "Rao", "case notes", "Yonge"]:
        assert text not in rows


def test_an_unchanged_feed_answers_304_and_keeps_its_busy_times(feed, server):
    sync(feed)
    later = sync(feed, now=NOW + timedelta(minutes=5))
    assert server.requests[-1][1].get("If-None-Match") == '"v1"'
    assert len(busy_times(later)) == 4
    assert later.last_synced_at == NOW + timedelta(minutes=5)


def test_a_feed_is_read_in_full_again_before_what_is_known_runs_out(feed, server):
    sync(feed)
    sync(feed, now=NOW + timedelta(days=7))  # the far end of the window needs new days
    assert "If-None-Match" not in server.requests[-1][1]
    assert busy_times(feed)[-1] == "01-05 14:00–15:00"


def test_a_feed_that_fails_keeps_its_last_busy_times_and_says_why(feed, server, client):
    sync(feed)
    server.routes["/private/basic.ics"] = status(404)
    failed = sync(feed, now=NOW + timedelta(minutes=5))
    assert len(busy_times(failed)) == 4  # never "all free"
    assert "404" in failed.error and "no longer works" in failed.error
    assert failed.error_since == NOW + timedelta(minutes=5)
    assert failed.last_synced_at == NOW
    [notice] = [n for n in notices.current() if n in calendars.notices()]
    assert "Google – work" in notice.text and notice.level == "error"
    health = client.get("/healthz")
    assert health.status_code == 200  # the site still serves, on the last good times
    assert health.json()["calendars"] == "1 of 1 failing"


def test_she_is_emailed_once_when_a_feed_has_failed_for_an_hour(feed, server):
    server.routes["/private/basic.ics"] = status(500)
    for minutes in range(0, 121, 5):
        sync(feed, now=NOW + timedelta(minutes=minutes))
    [email] = OutgoingEmail.objects.filter(kind=OutgoingEmail.Kind.CALENDAR_FAILING)
    assert email.to == feed.therapist.email
    assert "Google – work" in email.subject
    assert "answered 500" in email.body_text
    assert "keeps clear of the busy times it last read" in email.body_text
    assert feed.url not in email.body_text + email.body_html  # the address is a secret
    assert feed.failure_emailed_at == NOW + timedelta(minutes=60)


def test_a_feed_that_works_again_clears_its_problem(feed, server):
    server.routes["/private/basic.ics"] = status(503)
    sync(feed)
    server.routes["/private/basic.ics"] = ics(WEEKLY, etag='"v2"')
    fixed = sync(feed, now=NOW + timedelta(minutes=5))
    assert fixed.error == "" and fixed.error_since is None
    assert calendars.notices() == []


def test_a_feed_that_takes_too_long_is_given_up(feed, server):
    server.routes["/private/basic.ics"] = slow(3)
    assert "took too long" in sync(feed).error


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/cal.ics", "http://169.254.169.254/latest/meta-data/",
     "http://[fd00::1]/cal.ics", "https://192.168.1.1/cal.ics"],
)  # fmt: skip
def test_a_redirect_into_a_private_network_is_refused(feed, server, target):
    server.routes["/private/basic.ics"] = redirect(target)
    assert sync(feed).error in {
        "The address points inside a private network, which is not allowed.",
        "The address must start with https:// (the calendar is private, and plain "
        "http would send it across the internet unprotected).",
    }


def test_a_loopback_address_is_refused_unless_allowed_for_tests(feed, settings):
    settings.CALENDAR_ALLOW_LOOPBACK = False
    assert "must start with https://" in sync(feed).error
    feed.url = feed.url.replace("http://", "https://")
    feed.save()
    assert "private network" in sync(feed).error


@pytest.mark.parametrize("declared", [None, 64 * 1024 * 1024])
def test_an_oversized_body_is_cut_off_at_the_cap(feed, server, declared):
    server.routes["/private/basic.ics"] = endless(declared=declared)
    assert "larger than 1 MB" in sync(feed).error


def test_a_sign_in_page_served_with_200_is_not_taken_for_an_empty_calendar(
    feed, server
):
    sync(feed)
    server.routes["/private/basic.ics"] = ics(
        b"<!doctype html><title>Sign in</title>", etag='"x"'
    )
    failed = sync(feed, now=NOW + timedelta(days=3))
    assert failed.error == "The address did not give a calendar file."
    assert len(busy_times(failed)) == 4


def test_the_error_and_log_never_hold_the_secret_address(feed, server, caplog):
    server.routes["/private/basic.ics"] = status(404)
    failed = sync(feed)
    assert "/private/basic.ics" not in failed.error + caplog.text
