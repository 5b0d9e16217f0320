"""The therapist's side: consults upcoming first, today's highlighted, cancel through the service."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking.models import Booking, OutgoingEmail

from .conftest import MONDAY_10AM, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def test_the_list_opens_on_upcoming_consults_soonest_first(admin_client, shikha):
    later = make_booking(
        shikha, starts_at=MONDAY_10AM + timedelta(days=2), name="Later Person"
    )
    make_booking(shikha, name="Soon Person", email="s@example.org")
    cancelled = make_booking(
        shikha,
        starts_at=MONDAY_10AM + timedelta(hours=1),
        name="Gone Person",
        email="g@example.org",
    )
    Booking.objects.filter(pk=cancelled.pk).update(status="cancelled")
    html = admin_client.get("/admin/booking/booking/").content.decode()
    assert html.index("Soon Person") < html.index(later.name)
    assert "Gone Person" not in html


def into_the_past(booking: Booking, days: int) -> None:
    """Move a consult `days` back, as if it had been booked and held long ago."""
    back = timedelta(days=days)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=booking.starts_at - back,
        ends_at=booking.ends_at - back,
        blocked_until=booking.blocked_until - back,
    )


def test_past_and_all_lists_show_the_latest_first(admin_client, shikha):
    into_the_past(make_booking(shikha, name="Earlier Person"), days=10)
    later = make_booking(shikha, starts_at=MONDAY_10AM + timedelta(days=2))
    Booking.objects.filter(pk=later.pk).update(name="Later One")
    into_the_past(later, days=10)
    for when in ("past", "all"):
        html = admin_client.get(f"/admin/booking/booking/?when={when}").content
        assert html.index(b"Later One") < html.index(b"Earlier Person")


def test_a_search_looks_through_every_consult_unless_a_list_is_chosen(
    admin_client, shikha
):
    into_the_past(make_booking(shikha), days=10)
    assert (
        b"Alice Martin" in admin_client.get("/admin/booking/booking/?q=alice").content
    )
    assert (
        b"Alice Martin"
        not in admin_client.get("/admin/booking/booking/?q=alice&when=upcoming").content
    )


def test_todays_consults_are_highlighted(client, admin_user, shikha, clock):
    make_booking(shikha)
    clock.shift(timedelta(hours=14))  # Monday 8 a.m. in Toronto
    client.force_login(admin_user)
    assert "★ Today" in client.get("/admin/booking/booking/").content.decode()


@pytest.mark.parametrize("when", ["upcoming", "past", "cancelled"])
def test_the_filters_work(admin_client, shikha, when):
    make_booking(shikha)
    assert admin_client.get(f"/admin/booking/booking/?when={when}").status_code == 200


def test_search_by_name_or_email(admin_client, shikha):
    make_booking(shikha)
    html = admin_client.get("/admin/booking/booking/?q=alice@example").content.decode()
    assert "Alice Martin" in html


def test_cancelling_from_the_admin_emails_the_client(admin_client, shikha):
    booking = make_booking(shikha)
    response = admin_client.post(
        "/admin/booking/booking/",
        {"action": "cancel_and_tell_the_client", "_selected_action": [booking.pk]},
        follow=True,
    )
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert OutgoingEmail.objects.filter(
        booking=booking, kind="cancelled", to="alice@example.org"
    ).exists()


def test_availability_is_edited_on_the_therapists_page(admin_client, shikha):
    html = admin_client.get(
        f"/admin/attachment/therapist/{shikha.pk}/change/"
    ).content.decode()
    assert "weekly_hours-TOTAL_FORMS" in html
    assert "time_off-TOTAL_FORMS" in html
    assert "booking_settings-TOTAL_FORMS" in html


def test_the_outbox_is_read_only(admin_client, shikha):
    booking = make_booking(shikha)
    message = booking.emails.first()
    assert admin_client.get("/admin/booking/outgoingemail/").status_code == 200
    assert (
        admin_client.get(
            f"/admin/booking/outgoingemail/{message.pk}/change/"
        ).status_code
        == 200
    )
    assert admin_client.get("/admin/booking/outgoingemail/add/").status_code == 403
    assert (
        admin_client.post(
            f"/admin/booking/outgoingemail/{message.pk}/delete/"
        ).status_code
        == 403
    )


def test_a_booking_page_opens(admin_client, shikha):
    booking = make_booking(shikha)
    response = admin_client.get(f"/admin/booking/booking/{booking.pk}/change/")
    assert "Evenings are hard to talk." in response.content.decode()
