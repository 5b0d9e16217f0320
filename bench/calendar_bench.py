"""Helpers for bench/calendar.sh, run with the bench's environment (DATABASE_URL etc.).

calendar_bench.py serve PORT        serve 3 calendars of 5 years of weekly events
calendar_bench.py feeds PORT        add those 3 calendars to the admin's list
calendar_bench.py busy N            give the therapist N busy intervals (0 removes them)
calendar_bench.py compute           time free_slots_for (the uncached booking page and
                                    every booking's re-check) with 0 and 2,000 intervals
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attachment.settings")


def five_years_weekly(calendar: int) -> bytes:
    """A calendar as a busy practice's looks after 5 years: 12 weekly clients a week, each
    a weekly series (RRULE) begun 5 years ago, plus 5 years of one-off weekly sessions
    written as separate events (as some apps export them): 3,120 one-off events."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Bench//Calendar {calendar}//EN",
             "X-WR-TIMEZONE:America/Toronto"]  # fmt: skip
    today = datetime.now(UTC).date()
    first = today - timedelta(days=5 * 365)
    for client in range(12):
        day = first + timedelta(days=client % 5)
        start = datetime(day.year, day.month, day.day, 9 + client % 8, 0)
        lines += [
            "BEGIN:VEVENT", f"UID:series-{calendar}-{client}@bench",
            "DTSTAMP:20260101T000000Z", f"DTSTART;TZID=America/Toronto:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=America/Toronto:{start + timedelta(minutes=50):%Y%m%dT%H%M%S}",
            "RRULE:FREQ=WEEKLY", f"SUMMARY:Client {client}", "END:VEVENT",
        ]  # fmt: skip
        for week in range(260):
            one = start + timedelta(weeks=week, minutes=30 * (calendar + 1))
            lines += [
                "BEGIN:VEVENT", f"UID:one-{calendar}-{client}-{week}@bench",
                "DTSTAMP:20260101T000000Z", f"DTSTART;TZID=America/Toronto:{one:%Y%m%dT%H%M%S}",
                f"DTEND;TZID=America/Toronto:{one + timedelta(minutes=50):%Y%m%dT%H%M%S}",
                f"SUMMARY:Session {week} with client {client}",
                "DESCRIPTION:Notes kept in the calendar, as many people do.", "END:VEVENT",
            ]  # fmt: skip
    lines += ["END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


def serve(port: int) -> None:
    from tests.booking.feed_server import FeedServer, ics

    bodies = {f"/cal{n}.ics": five_years_weekly(n) for n in range(3)}
    sizes = ", ".join(f"{len(b) / 1024:.0f} KB" for b in bodies.values())
    with FeedServer(port) as server:
        for path, body in bodies.items():
            server.routes[path] = ics(body)
        print(f"serving 3 calendars ({sizes}) on {port}", flush=True)
        server.thread.join()


def feeds(port: int) -> None:
    from attachment.models import Therapist
    from booking.models import CalendarFeed

    shikha = Therapist.objects.order_by("pk").first()
    for n in range(3):
        CalendarFeed.objects.create(
            therapist=shikha,
            label=f"Calendar {n}",
            url=f"http://127.0.0.1:{port}/cal{n}.ics",
        )


def busy(count: int) -> None:
    from attachment.models import Therapist
    from booking.models import BusyInterval, CalendarFeed

    shikha = Therapist.objects.order_by("pk").first()
    CalendarFeed.objects.filter(
        label="Bench"
    ).delete()  # its save/delete moves the cache on
    if not count:
        return
    feed = CalendarFeed.objects.create(
        therapist=shikha, label="Bench", url="https://calendar.example.org/bench.ics",
        known_until=datetime.now(UTC) + timedelta(days=60),
    )  # fmt: skip
    # 5-minute busy times every 10 minutes from 19:00 to 07:00 in Toronto, over the
    # booking window: each one is checked against every candidate time, but the same
    # daytime times stay offered, so both pages show the same list.
    toronto = ZoneInfo("America/Toronto")
    evening = datetime.now(toronto).replace(hour=19, minute=0, second=0, microsecond=0)
    starts = [
        evening + timedelta(days=day, minutes=10 * n)
        for day in range(count // 72 + 1)
        for n in range(72)
    ][:count]
    BusyInterval.objects.bulk_create(
        BusyInterval(feed=feed, start=s, end=s + timedelta(minutes=5)) for s in starts
    )
    feed.save()


def sync() -> None:
    """sync_all in this process: a full read, then an unchanged one (304), then a full
    read again under tracemalloc for the peak of Python memory it allocates."""
    import tracemalloc

    from django.utils import timezone

    from booking.calendars import sync_all
    from booking.models import BusyInterval, CalendarFeed

    for run in ("full read", "unchanged (304)"):
        wall, cpu = time.perf_counter(), time.process_time()
        read, failed = sync_all(now=timezone.now())
        print(f"sync_all, {run}: {time.perf_counter() - wall:.2f} s wall, "
              f"{time.process_time() - cpu:.2f} s CPU, {read} read, {failed} failed")  # fmt: skip
    CalendarFeed.objects.update(etag="", known_until=None)
    tracemalloc.start()
    sync_all(now=timezone.now())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"peak Python memory during a full read of the 3 calendars: {peak / 2**20:.1f} MB"
    )
    print(f"busy intervals stored: {BusyInterval.objects.count()}")


def compute() -> None:
    from django.utils import timezone

    from attachment.models import Therapist
    from booking.services import free_slots_for

    shikha = Therapist.objects.order_by("pk").first()
    for count in (0, 2000, 0, 2000):
        busy(count)
        runs = []
        for _ in range(20):
            started = time.perf_counter()
            offered = free_slots_for(shikha, now=timezone.now())
            runs.append(time.perf_counter() - started)
        print(f"free_slots_for with {count:>5} busy intervals: median {statistics.median(runs) * 1000:7.1f} ms "
              f"(20 runs), {len(offered)} times offered")  # fmt: skip
    busy(0)


if __name__ == "__main__":
    django.setup()
    command, *args = sys.argv[1:]
    {"serve": lambda: serve(int(args[0])), "feeds": lambda: feeds(int(args[0])),
     "busy": lambda: busy(int(args[0])), "compute": compute, "sync": sync}[command]()  # fmt: skip
