"""The booking page is rendered once a minute per zone and day; each visitor still gets
their own CSRF token and form-start time, and a new booking shows at once."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from booking import views
from booking.forms import slot_value
from booking.models import Booking

from .conftest import MONDAY_10AM, form_data, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', html)[1]


def test_a_second_visit_is_not_rendered_again(client: Client, monkeypatch):
    renders = []
    real_page = views._page

    def counting_page(*args, **kwargs):
        renders.append(1)
        return real_page(*args, **kwargs)

    monkeypatch.setattr(views, "_page", counting_page)
    client.get("/book/")
    response = client.get("/book/")
    assert renders == [1]
    assert slot_value(MONDAY_10AM) in response.text
    client.get("/book/?tz=America/Vancouver")  # another zone is another page
    assert renders == [1, 1]


def test_each_visitor_gets_their_own_tokens_and_can_book():
    alice, bea = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    alice_page, bea_page = alice.get("/book/").text, bea.get("/book/").text
    assert "placeholder" not in alice_page
    assert hidden(alice_page, "csrfmiddlewaretoken") != hidden(
        bea_page, "csrfmiddlewaretoken"
    )

    data = form_data(
        csrfmiddlewaretoken=hidden(bea_page, "csrfmiddlewaretoken"),
        started=hidden(bea_page, "started"),
    )
    assert bea.post("/book/", data).status_code == 303
    assert Booking.objects.get().email == "alice@example.org"


def test_a_time_just_booked_leaves_the_page_at_once(client: Client, shikha):
    assert slot_value(MONDAY_10AM) in client.get("/book/").text
    make_booking(shikha)
    assert slot_value(MONDAY_10AM) not in client.get("/book/").text
