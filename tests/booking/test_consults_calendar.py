"""Her consults as a private ICS feed for her own calendar app."""

from __future__ import annotations

from datetime import timedelta

import pytest
from icalendar import Calendar

from booking.models import Booking, ConsultsCalendar
from booking.services import cancel_booking

from .conftest import MONDAY_10AM, NOW, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


@pytest.fixture
def subscription(shikha) -> ConsultsCalendar:
    return ConsultsCalendar.objects.create(therapist=shikha)


def feed_url(subscription: ConsultsCalendar) -> str:
    return f"/book/calendar/{subscription.token}/consults.ics"


def events(client, subscription) -> list:
    response = client.get(feed_url(subscription))
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_the_feed_is_valid_icalendar_with_her_upcoming_consults(
    client, shikha, subscription
):
    booking = make_booking(shikha)
    [event] = events(client, subscription)
    assert event.get("DTSTART").dt == booking.starts_at
    assert event.get("DTEND").dt == booking.ends_at
    assert str(event.get("SUMMARY")) == "Appointment"
    assert str(event.get("UID")) == f"consult-{booking.uid}"


def test_no_client_detail_is_in_the_feed(client, shikha, subscription):
    make_booking(shikha, name="Alice Martin", note="Evenings are hard to talk.")
    text = client.get(feed_url(subscription)).content.decode()
    for detail in ["Alice", "Martin", "alice@example.org", "905 555 0101", "Evenings"]:
        assert detail not in text


def test_only_upcoming_confirmed_consults_are_listed(
    client, shikha, subscription, clock
):
    kept = make_booking(shikha)
    gone = make_booking(
        shikha, starts_at=MONDAY_10AM + timedelta(days=1), email="b@example.org"
    )
    cancel_booking(booking_id=gone.pk, now=NOW)
    past = make_booking(
        shikha, starts_at=MONDAY_10AM + timedelta(days=2), email="c@example.org"
    )
    Booking.objects.filter(pk=past.pk).update(
        starts_at=NOW - timedelta(hours=2), ends_at=NOW - timedelta(hours=1, minutes=40),
        blocked_until=NOW - timedelta(hours=1, minutes=30),
    )  # fmt: skip
    assert [str(e.get("UID")) for e in events(client, subscription)] == [
        f"consult-{kept.uid}"
    ]


def test_the_feed_is_never_stored_by_a_cache(client, subscription):
    response = client.get(feed_url(subscription))
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/calendar")


def test_a_wrong_token_is_a_plain_404(client, subscription):
    assert client.get(f"/book/calendar/{'x' * 43}/consults.ics").status_code == 404
    assert client.get("/book/calendar//consults.ics").status_code == 404


def test_a_new_address_stops_the_old_one(admin_client, client, subscription):
    old = feed_url(subscription)
    response = admin_client.post(
        "/admin/booking/consultscalendar/",
        {"action": "new_address", "_selected_action": [subscription.pk]},
    )
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(feed_url(subscription)).status_code == 200


def test_the_token_is_long_and_random(shikha):
    tokens = {ConsultsCalendar(therapist=shikha).token for _ in range(50)}
    assert len(tokens) == 50 and min(len(t) for t in tokens) >= 43


def test_the_admin_shows_the_address_to_subscribe_to(admin_client, subscription):
    html = admin_client.get(
        f"/admin/booking/consultscalendar/{subscription.pk}/change/"
    ).content.decode()
    assert f"/book/calendar/{subscription.token}/consults.ics" in html
