"""The therapist's own calendars: reading their busy times in, and reporting on them.

`sync_feed` fetches one feed (booking/fetching.py), reads its busy times for the
booking window (booking/busy.py) and replaces the feed's stored intervals in one
transaction. When a feed fails, its last good intervals stay, the error is recorded with
when it started, and after an hour of failing she is emailed once (through the outbox).

Never "all free": the booking page offers no time past `known_until`, the end of the
window the last good read covered (see `known_until_for`), so a feed that stops
answering for days closes the far end of the calendar rather than opening it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from attachment.models import Therapist
from booking import busy, emails, fetching, tasks
from booking.models import BusyInterval, CalendarFeed
from booking.services import OFFERED, rules_for
from booking.zones import PRACTICE_ZONE, describe
from core.health import Health
from core.notices import Notice

log = logging.getLogger(__name__)

EMAIL_AFTER = timedelta(hours=1)
# Read a little past the booking window, so that a calendar that has not changed (a 304,
# nothing re-read) still covers the window for a day or two...
MARGIN = timedelta(days=3)
# ...and read it again in full (no ETag sent) once what is known ends within a day of
# the window's far end: otherwise a weekly series would never reach the new days.
REFRESH_BEFORE = timedelta(days=1)


def policy() -> fetching.Policy:
    return fetching.Policy(
        timeout=settings.CALENDAR_FETCH_TIMEOUT,
        total_timeout=settings.CALENDAR_FETCH_TIMEOUT * 3,
        max_bytes=settings.CALENDAR_MAX_BYTES,
        allow_http=settings.DEBUG,
        allow_loopback=settings.CALENDAR_ALLOW_LOOPBACK,
    )


def window_end(therapist: Therapist, now: datetime) -> datetime:
    return now + timedelta(days=rules_for(therapist).book_ahead_days) + MARGIN


def sync_feed(feed: CalendarFeed, *, now: datetime) -> bool:
    """Read one feed now; True if its busy times are up to date afterwards."""
    until = window_end(feed.therapist, now)
    conditional = (
        feed.known_until is not None
        and feed.known_until - REFRESH_BEFORE >= until - MARGIN
    )
    try:
        fetched = fetching.fetch(
            feed.url,
            etag=feed.etag if conditional else "",
            last_modified=feed.last_modified if conditional else "",
            policy=policy(),
        )
        if fetched.body is None:
            _record_success(feed, now=now, intervals=None, fetched=fetched, until=None)
            return True
        intervals = busy.busy_intervals(
            fetched.body, start=now, end=until, zone=ZoneInfo(PRACTICE_ZONE)
        )
    except (fetching.FetchError, busy.FeedError) as error:
        _record_failure(feed, str(error), now=now)
        return False
    _record_success(feed, now=now, intervals=intervals, fetched=fetched, until=until)
    return True


def sync_all(*, now: datetime) -> tuple[int, int]:
    """Read every feed; return (read, failed)."""
    read = failed = 0
    for feed in CalendarFeed.objects.select_related("therapist").order_by("pk"):
        if sync_feed(feed, now=now):
            read += 1
        else:
            failed += 1
    return read, failed


def _record_success(feed, *, now, intervals, fetched, until) -> None:
    with transaction.atomic():
        feed = CalendarFeed.objects.select_for_update().get(pk=feed.pk)
        fields = ["last_synced_at", "error", "error_since", "failure_emailed_at"]
        if intervals is not None:
            BusyInterval.objects.filter(feed=feed).delete()
            BusyInterval.objects.bulk_create(
                BusyInterval(feed=feed, start=i.start, end=i.end) for i in intervals
            )
            feed.known_until = until
            feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
            fields += ["known_until", "etag", "last_modified"]
        feed.last_synced_at = now
        feed.error, feed.error_since, feed.failure_emailed_at = "", None, None
        feed.save(update_fields=fields)
        if intervals is not None:
            OFFERED.changed()  # the booking page's cached free times are out of date


def _record_failure(feed: CalendarFeed, error: str, *, now: datetime) -> None:
    # Only the message: the address is a secret and never goes into a log line.
    log.warning(
        "Calendar feed %s (%s) could not be read: %s", feed.pk, feed.label, error
    )
    with transaction.atomic():
        feed = (
            CalendarFeed.objects.select_for_update()
            .select_related("therapist")
            .get(pk=feed.pk)
        )
        feed.error = error[:300]
        feed.error_since = feed.error_since or now
        fields = ["error", "error_since"]
        if feed.failure_emailed_at is None and now - feed.error_since >= EMAIL_AFTER:
            message = emails.calendar_failing(feed, now=now)
            message.save()
            # As booking's own messages: sent by a task once committed, or by
            # send_outbox within the minute if the queue cannot be reached.
            transaction.on_commit(
                lambda: tasks.send_messages.enqueue([message.pk]), robust=True
            )
            feed.failure_emailed_at = now
            fields.append("failure_emailed_at")
        feed.save(update_fields=fields)


def upcoming_count(feed: CalendarFeed, *, now: datetime, days: int = 28) -> int:
    return feed.intervals.filter(
        end__gt=now, start__lt=now + timedelta(days=days)
    ).count()


def notices() -> list[Notice]:
    """For the admin's home page: each calendar that cannot be read, and since when."""
    return [
        Notice(
            _(
                "Your calendar “%(label)s” cannot be read since %(since)s: %(error)s "
                "The booking page keeps its last busy times meanwhile."
            )
            % {
                "label": feed.label,
                "since": describe(feed.error_since or feed.created_at, PRACTICE_ZONE),
                "error": feed.error,
            },
            url=reverse("admin:booking_calendarfeed_change", args=[feed.pk]),
            level="error",
        )
        for feed in CalendarFeed.objects.exclude(error="").order_by("label")
    ]


def health() -> Health:
    """For /healthz: how many calendars fail, never which (the answer is public).

    A failing calendar does not make /healthz a 503: the site still serves every page and
    books safely on the last good busy times, and a load balancer taking the servers out
    of rotation over it would close the whole site instead.
    """
    try:
        counts = CalendarFeed.objects.aggregate(
            feeds=Count("pk"), failing=Count("pk", filter=~Q(error=""))
        )
    except DatabaseError:  # the database check says so; this one has nothing to add
        return Health("unknown", ok=True)
    if not counts["feeds"]:
        return Health("none", ok=True)
    if counts["failing"]:
        return Health(f"{counts['failing']} of {counts['feeds']} failing", ok=True)
    return Health("ok", ok=True)
