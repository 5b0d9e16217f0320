"""The booking form at /book/: GET, htmx, and every kind of POST."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from booking.forms import slot_value, started_token
from booking.models import Booking

from .conftest import MONDAY_10AM, form_data, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]


def slots_in(response) -> list[str]:
    return re.findall(r'name="slot" value="([^"]+)"', response.content.decode())


def test_the_form_shows_the_first_days_times_in_toronto_by_default(client):
    response = client.get("/book/")
    assert response.status_code == 200
    assert slots_in(response)[0] == "2026-11-30T15:00:00Z"
    assert "10:00 a.m." in response.content.decode()
    assert "Eastern time (Toronto)" in response.content.decode()


def test_the_form_shows_the_crisis_notice_and_that_a_consult_is_not_crisis_care(client):
    response = client.get("/book/")
    assert "9-8-8" in response.content.decode()
    assert "A free consult is not crisis care" in response.content.decode()
    # On a phone the numbers are one tap away, as everywhere else on the site.
    assert (
        'call or text <a href="tel:988">9-8-8</a>, or call <a href="tel:911">911</a>'
        in response.content.decode()
    )


def test_the_form_has_a_hidden_honeypot_with_a_label_for_humans(client):
    html = client.get("/book/").content.decode()
    assert 'class="hp-field"' in html
    assert 'name="website" id="id_website" autocomplete="off" tabindex="-1"' in html
    assert "Leave this field empty" in html


def test_a_vancouver_visitor_sees_the_same_times_in_pacific_time(client):
    response = client.get("/book/?tz=America/Vancouver")
    html = response.content.decode()
    assert slots_in(response)[0] == "2026-11-30T15:00:00Z"
    assert "7:00 a.m." in html
    assert "Pacific time (Vancouver)" in html


def test_an_unknown_zone_falls_back_to_toronto(client):
    assert (
        "Eastern time (Toronto)"
        in client.get("/book/?tz=Mars/Olympus").content.decode()
    )


def test_choosing_a_day_shows_that_days_times(client):
    response = client.get("/book/?day=2026-12-02")
    assert slots_in(response)[0] == "2026-12-02T15:00:00Z"


def test_htmx_gets_only_the_picker(client):
    response = client.get("/book/?day=2026-12-02", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert html.startswith('<div id="picker"')
    assert slots_in(response)[0] == "2026-12-02T15:00:00Z"


def test_day_links_work_with_and_without_htmx(client):
    html = client.get("/book/").content.decode()
    assert 'href="?day=2026-12-01&amp;tz=America/Toronto"' in html
    assert 'hx-get="?day=2026-12-01&amp;tz=America/Toronto"' in html


def test_booking_redirects_with_303_to_a_confirmation_that_is_not_cached(client):
    response = client.post("/book/", form_data(tz="America/Vancouver"))
    assert response.status_code == 303
    booking = Booking.objects.get()
    assert booking.visitor_time_zone == "America/Vancouver"
    page = client.get(response["Location"])
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "Monday, November 30, 2026, 7:00 a.m. Pacific time (Vancouver) (PST)" in html
    assert "10:00 a.m. Eastern time (Toronto) (EST)" in html
    assert "/book/cancel/" in html and "/book/reschedule/" in html


def test_a_time_taken_meanwhile_returns_409_with_the_nearest_times_and_typed_values(
    client, shikha
):
    make_booking(shikha, email="first@example.org")
    response = client.post(
        "/book/", form_data(name="Bea Chen", email="bea@example.org")
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "is no longer free" in html
    assert 'value="Bea Chen"' in html
    assert slots_in(response)[0] == slot_value(MONDAY_10AM + timedelta(minutes=30))
    assert Booking.objects.count() == 1


def test_a_time_never_offered_returns_409(client):
    response = client.post("/book/", form_data(slot="2026-11-30T15:05:00Z"))
    assert response.status_code == 409


@pytest.mark.parametrize(
    "changes",
    [
        {"slot": "garbage"},
        {"slot": ""},
        {"slot": "2026-11-30T15:00:00"},  # no zone
        {"name": ""},
        {"email": "not-an-email"},
        {"phone": "call me"},
        {"consent": ""},
        {"note": "x" * 501},
        {"name": "Al\x00ice"},
        {"slot": "0001-01-01T00:00:00+05:00"},
        {"slot": "9999-12-31T23:59:59Z", "tz": "Asia/Kolkata"},
        {"slot": "2026-11-30T15:00:00Z\x00"},
        {"tz": "Asia/\x00Kolkata"},
    ],
)
def test_invalid_input_returns_400_with_messages_beside_the_fields(client, changes):
    response = client.post("/book/", form_data(**changes))
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert Booking.objects.count() == 0


def test_an_empty_post_is_a_400_not_a_500(client):
    assert client.post("/book/", {}).status_code == 400


def test_repeated_fields_do_not_break_the_form(client):
    data = form_data()
    body = "&".join(f"{k}={v}" for k, v in data.items() if k != "started")
    body += "&slot=garbage&slot=2026-11-30T15:00:00Z&started=" + data["started"]
    response = client.post(
        "/book/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (303, 400, 409)


def test_a_filled_honeypot_books_nothing(client):
    response = client.post("/book/", form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert Booking.objects.count() == 0


def test_a_form_sent_too_quickly_is_refused_kindly_and_kept(client, settings):
    settings.BOOKING_MIN_SECONDS = 3
    response = client.post("/book/", form_data())
    assert response.status_code == 400
    assert "That was very quick" in response.content.decode()
    assert 'value="Alice Martin"' in response.content.decode()


def test_a_form_open_more_than_two_hours_is_refused_kindly(client, clock):
    data = form_data()
    clock.shift(timedelta(hours=2, minutes=1))
    response = client.post("/book/", data)
    assert response.status_code == 400
    assert "open for a long while" in response.content.decode()


def test_a_tampered_timestamp_is_refused(client):
    response = client.post("/book/", form_data(started=started_token() + "x"))
    assert response.status_code == 400


@pytest.mark.parametrize("missing", ["in_ontario", "age_16_plus"])
def test_someone_the_practice_cannot_serve_gets_a_kind_page_and_no_booking(
    client, missing
):
    response = client.post("/book/", form_data(**{missing: ""}))
    assert response.status_code == 200
    assert "Other places that can help" in response.content.decode()
    assert Booking.objects.count() == 0


def test_under_16s_are_pointed_to_kids_help_phone(client):
    html = client.post("/book/", form_data(age_16_plus="")).content.decode()
    assert "1-800-668-6868" in html and "686868" in html


def test_too_many_bookings_from_one_address_get_a_429(client, settings):
    settings.BOOKING_RATE_LIMIT = (1, 3600)
    assert client.post("/book/", form_data()).status_code == 303
    response = client.post("/book/", form_data(email="other@example.org"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_too_many_bookings_for_one_email_get_a_429_from_any_address(client, settings):
    settings.BOOKING_RATE_LIMIT = (1, 3600)
    assert client.post("/book/", form_data(), REMOTE_ADDR="10.0.0.1").status_code == 303
    response = client.post(
        "/book/", form_data(email="ALICE@example.org"), REMOTE_ADDR="10.0.0.2"
    )
    assert response.status_code == 429


def test_no_times_or_not_accepting_is_said_kindly_with_contact_details(client, shikha):
    shikha.accepting_consults = False
    shikha.save()
    html = client.get("/book/").content.decode()
    assert "not taking new consult bookings online" in html
    assert "info@thetherapeuticway.ca" in html


def test_no_free_times_is_said_kindly(client, shikha):
    shikha.weekly_hours.all().delete()
    html = client.get("/book/").content.decode()
    assert "no free consult times" in html


FIELDS = ["slot", "tz", "name", "email", "phone", "note", "in_ontario", "age_16_plus",
          "consent", "website", "started", "result", "share_result"]  # fmt: skip


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=60)))
def test_whatever_is_posted_the_answer_is_never_a_500(client, fields):
    response = client.post("/book/", form_data() | fields)
    assert response.status_code in (200, 303, 400, 409, 429)
