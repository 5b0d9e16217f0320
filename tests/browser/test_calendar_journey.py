"""She adds her own calendar in the admin, reads it, and /book/ stops offering her busy time."""

from __future__ import annotations

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from attachment.models import Therapist
from booking.forms import slot_value
from booking.services import free_slots_for
from tests.booking.feed_server import FeedServer, ics
from tests.browser.steps import log_in_as_the_therapist

TORONTO = ZoneInfo("America/Toronto")


@pytest.fixture
def server(settings):
    settings.CALENDAR_ALLOW_LOOPBACK = True
    with FeedServer() as running:
        yield running


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "timezone_id": "America/Toronto"}


def a_calendar_busy_at(start) -> bytes:
    end = start + timedelta(hours=1)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "X-WR-TIMEZONE:America/Toronto", "BEGIN:VEVENT", "UID:session@google.com",
        "DTSTAMP:20260101T000000Z", f"DTSTART:{start.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        f"DTEND:{end.astimezone(UTC):%Y%m%dT%H%M%SZ}", "SUMMARY:Client – M.",
        "END:VEVENT", "END:VCALENDAR", "",
    ]  # fmt: skip
    return "\r\n".join(lines).encode()


def test_she_adds_her_calendar_and_the_busy_time_is_no_longer_offered(
    page: Page, live_server, server
):
    shikha = Therapist.objects.get(slug="shikha")
    busy = free_slots_for(shikha, now=timezone.now())[0]
    server.routes["/calendar/private-abc/basic.ics"] = ics(a_calendar_busy_at(busy))
    day = busy.astimezone(TORONTO).date().isoformat()
    offered = page.locator(f'input[name="slot"][value="{slot_value(busy)}"]')
    page.goto(f"{live_server.url}/book/?day={day}&tz=America/Toronto")
    expect(offered).to_have_count(1)

    log_in_as_the_therapist(page, live_server.url)
    page.goto(live_server.url + "/admin/booking/calendarfeed/add/")
    page.get_by_label("Name").fill("Google – clients")
    page.get_by_label("Secret calendar address").fill(
        server.url("/calendar/private-abc/basic.ics")
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Google – clients")
    row = page.get_by_role("row", name="Google – clients")
    expect(row).to_contain_text("1")  # one busy time in the next 28 days
    expect(row).not_to_contain_text("private-abc")  # the secret address stays hidden

    row.get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option(
        label="Read the selected calendars now"
    )
    page.locator("button[name='index']").click()  # "Go"
    expect(page.locator(".messagelist")).to_contain_text(
        "1 busy times in the next 28 days"
    )

    page.goto(f"{live_server.url}/book/?day={day}&tz=America/Toronto")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(offered).to_have_count(0)
