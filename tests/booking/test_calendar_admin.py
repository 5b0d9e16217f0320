"""Her calendars in the admin: adding one reads it at once, the list shows how each is
doing without showing its secret address, and "sync now" reads it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from booking.models import CalendarFeed
from tests.booking.feed_server import FeedServer, ics, status

WEEKLY = (Path(__file__).parent / "calendars" / "weekly_exdate_moved.ics").read_bytes()

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture
def server(settings):
    settings.CALENDAR_ALLOW_LOOPBACK = True
    settings.CALENDAR_FETCH_TIMEOUT = 2
    with FeedServer() as running:
        running.routes["/secret-abc123/basic.ics"] = ics(WEEKLY)
        yield running


def add(admin_client, shikha, url: str):
    return admin_client.post(
        "/admin/booking/calendarfeed/add/",
        {"therapist": shikha.pk, "label": "Google – work", "url": url},
    )


def test_adding_a_calendar_reads_its_busy_times_at_once(admin_client, shikha, server):
    response = add(admin_client, shikha, server.url("/secret-abc123/basic.ics"))
    assert response.status_code == 302
    feed = CalendarFeed.objects.get()
    assert feed.intervals.count() == 4 and feed.last_synced_at is not None


def test_an_address_that_does_not_work_is_refused_with_the_reason(
    admin_client, shikha, server
):
    server.routes["/secret-abc123/basic.ics"] = status(404)
    response = add(admin_client, shikha, server.url("/secret-abc123/basic.ics"))
    assert response.status_code == 200
    assert "the address no longer works" in response.content.decode()
    assert not CalendarFeed.objects.exists()


def test_a_webcal_address_is_read_as_https(admin_client, shikha):
    response = add(admin_client, shikha, "webcal://calendar.invalid/basic.ics")
    # Taken as https:// and tried: the name does not resolve, and she is told so.
    assert "name could not be found" in response.content.decode()


def test_a_plain_http_address_is_refused(admin_client, shikha):
    response = add(admin_client, shikha, "http://calendar.example.org/basic.ics")
    assert "must start with https://" in response.content.decode()


def test_the_list_shows_each_calendar_without_its_secret_address(
    admin_client, shikha, server
):
    add(admin_client, shikha, server.url("/secret-abc123/basic.ics"))
    html = admin_client.get("/admin/booking/calendarfeed/").content.decode()
    assert "Google – work" in html
    assert "127.0.0.1/….ics" in html
    assert "secret-abc123" not in html
    assert '<td class="field-busy_next_28_days">3</td>' in html  # 12-29 is day 30


def test_sync_now_reads_the_calendar_again_and_reports_a_failure(
    admin_client, shikha, server
):
    add(admin_client, shikha, server.url("/secret-abc123/basic.ics"))
    feed = CalendarFeed.objects.get()
    server.routes["/secret-abc123/basic.ics"] = status(410)
    response = admin_client.post(
        "/admin/booking/calendarfeed/",
        {"action": "sync_now", "_selected_action": [feed.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "could not be read" in html and "Its last busy times are kept." in html
    assert feed.intervals.count() == 4
    assert "secret-abc123" not in html


def test_a_failing_calendar_is_on_the_admin_home_page(admin_client, shikha, server):
    add(admin_client, shikha, server.url("/secret-abc123/basic.ics"))
    CalendarFeed.objects.update(error="The calendar server answered 500.")
    CalendarFeed.objects.update(error_since=CalendarFeed.objects.get().last_synced_at)
    html = admin_client.get("/admin/").content.decode()
    assert "Your calendar “Google – work” cannot be read" in html
