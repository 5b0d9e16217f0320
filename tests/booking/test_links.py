"""Signed links to see, cancel and move a consult: no login, no leaks, never a 500."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from booking import links
from booking.forms import slot_value
from booking.models import Booking, OutgoingEmail

from .conftest import MONDAY_10AM, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

LATER = MONDAY_10AM + timedelta(days=1, hours=3)


def test_the_cancel_link_asks_first_then_cancels_and_emails_both(client, shikha):
    booking = make_booking(shikha)
    url = links.cancel_url(booking)
    page = client.get(url)
    assert page.status_code == 200 and "Cancel your consult?" in page.content.decode()
    booking.refresh_from_db()
    assert booking.is_confirmed  # a GET (or a link scanner) changes nothing
    response = client.post(url)
    assert response.status_code == 200
    assert "Your consult is cancelled" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert {"cancelled", "cancelled-therapist"} <= set(
        OutgoingEmail.objects.values_list("kind", flat=True)
    )


def test_a_used_cancel_link_says_so_kindly(client, shikha):
    booking = make_booking(shikha)
    url = links.cancel_url(booking)
    client.post(url)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 410
        assert "already been cancelled" in response.content.decode()
        assert "Alice" not in response.content.decode()


@pytest.mark.parametrize(
    "token", ["nonsense", "eyJiIjoxLCJzIjowfQ:1abc:xyz", "%00", "a" * 500]
)
def test_a_tampered_link_says_so_kindly(client, shikha, token):
    make_booking(shikha)
    for path in ("cancel", "reschedule", "confirmed"):
        response = client.get(f"/book/{path}/{token}/")
        assert response.status_code == 404
        assert "could not read this link" in response.content.decode()


def test_a_link_for_a_deleted_booking_says_so_kindly(client, shikha):
    booking = make_booking(shikha)
    url = links.cancel_url(booking)
    booking.emails.all().delete()
    booking.delete()
    assert client.get(url).status_code == 404


def test_the_reschedule_link_shows_free_times_in_the_clients_zone(client, shikha):
    booking = make_booking(shikha, visitor_time_zone="America/Vancouver")
    html = client.get(links.reschedule_url(booking)).content.decode()
    assert "Pacific time (Vancouver)" in html
    # Its own time is offered again (moving by half an hour is fine).
    assert slot_value(MONDAY_10AM) in html


def test_rescheduling_moves_the_consult_and_redirects_to_the_new_confirmation(
    client, shikha
):
    booking = make_booking(shikha)
    old_url = links.reschedule_url(booking)
    response = client.post(
        old_url, {"slot": slot_value(LATER), "tz": "America/Toronto"}
    )
    assert response.status_code == 303
    booking.refresh_from_db()
    assert (booking.starts_at, booking.sequence) == (LATER, 1)
    page = client.get(response["Location"])
    assert (
        "Tuesday, December 1, 2026, 1:00 p.m. Eastern time (Toronto) (EST)"
        in page.content.decode()
    )
    superseded = client.get(old_url)
    assert superseded.status_code == 410
    assert "has been moved" in superseded.content.decode()


def test_choosing_the_same_time_again_changes_nothing_and_sends_nothing(client, shikha):
    booking = make_booking(shikha)
    response = client.post(
        links.reschedule_url(booking),
        {"slot": slot_value(MONDAY_10AM), "tz": "America/Toronto"},
    )
    assert response.status_code == 303
    booking.refresh_from_db()
    assert (booking.starts_at, booking.sequence) == (MONDAY_10AM, 0)
    assert not OutgoingEmail.objects.filter(kind__startswith="rescheduled").exists()


@pytest.mark.parametrize(
    ("starts_at", "promised"), [(MONDAY_10AM, False), (LATER, True)]
)
def test_the_confirmation_promises_a_reminder_only_when_one_will_come(
    client, shikha, starts_at, promised
):
    booking = make_booking(shikha, starts_at=starts_at)  # booked 16 or 43 hours ahead
    page = client.get(links.confirmation_url(booking)).content.decode()
    assert ("We will send a reminder the day before." in page) is promised


def test_rescheduling_onto_a_taken_time_returns_409_with_nearest_times(client, shikha):
    booking = make_booking(shikha)
    make_booking(shikha, starts_at=LATER, email="other@example.org")
    response = client.post(links.reschedule_url(booking), {"slot": slot_value(LATER)})
    assert response.status_code == 409
    assert "no longer free" in response.content.decode()
    booking.refresh_from_db()
    assert booking.starts_at == MONDAY_10AM


@pytest.mark.parametrize("data", [{}, {"slot": "garbage"}, {"slot": ["a", "b"]}])
def test_rescheduling_with_nonsense_returns_400(client, shikha, data):
    booking = make_booking(shikha)
    assert client.post(links.reschedule_url(booking), data).status_code == 400


def test_the_reschedule_picker_answers_htmx_with_a_fragment(client, shikha):
    booking = make_booking(shikha)
    response = client.get(
        links.reschedule_url(booking) + "?day=2026-12-02",
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "<html" not in html
    assert re.findall(r'name="slot" value="([^"]+)"', html)[0] == "2026-12-02T15:00:00Z"


def test_a_past_consults_links_say_it_has_passed(client, shikha, clock):
    booking = make_booking(shikha)
    clock.shift(timedelta(days=1))
    response = client.get(links.cancel_url(booking))
    assert response.status_code == 410
    assert "already passed" in response.content.decode()
