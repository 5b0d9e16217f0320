"""Pages that show a person's own details are never stored by a browser or a proxy cache."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client

from booking import links
from booking.models import Booking
from tests.booking.conftest import NOW, form_data
from tests.security.helpers import finish_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(settings):
    settings.BOOKING_MIN_SECONDS = 0
    with time_machine.travel(NOW, tick=False):
        client = Client()
        response = client.post("/book/", form_data())
        assert response.status_code == 303
        yield client, response["Location"], Booking.objects.get()


def assert_not_stored(response) -> None:
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control, cache_control
    assert "private" in cache_control or "no-cache" in cache_control


def test_the_booking_confirmation_is_not_stored(booked):
    client, confirmation, _ = booked
    assert_not_stored(client.get(confirmation))


def test_the_cancel_page_is_not_stored(booked):
    client, _, booking = booked
    assert_not_stored(
        client.get(links.cancel_url(booking).removeprefix(links.absolute("")))
    )


def test_the_reschedule_page_is_not_stored(booked):
    client, _, booking = booked
    path = links.reschedule_url(booking).removeprefix(links.absolute(""))
    assert_not_stored(client.get(path))


def test_the_quiz_result_is_not_stored():
    client = Client()
    result = finish_quiz(client)
    assert result.status_code == 303
    assert_not_stored(client.get(result["Location"]))


def test_the_booking_form_with_its_typed_details_is_not_stored():
    assert_not_stored(Client().get("/book/"))
