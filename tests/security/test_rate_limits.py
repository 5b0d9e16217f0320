"""Every public POST is rate-limited with an honest 429, and a made-up X-Forwarded-For does not reset the count."""

from __future__ import annotations

import pytest
from django.test import Client

from booking.models import Booking
from tests.booking.conftest import form_data
from tests.security.helpers import finish_quiz

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]


@pytest.fixture
def quick_forms(quick_forms, settings):
    settings.CLIENT_IP_HEADER = ""


def assert_honest_429(response) -> None:
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Please wait a moment" in response.text
    assert "Nothing was sent or booked this time." in response.text
    assert "9-8-8" in response.text  # the crisis line stays in reach


def test_finishing_the_quiz_too_often_gets_an_honest_429(settings):
    settings.QUIZ_RATE_LIMIT = (2, 3600)
    client = Client()
    assert finish_quiz(client).status_code == 303
    assert finish_quiz(client).status_code == 303
    assert_honest_429(finish_quiz(client))


def test_a_spoofed_forwarded_for_does_not_reset_the_quiz_limit(settings):
    settings.QUIZ_RATE_LIMIT = (2, 3600)
    statuses = [
        finish_quiz(Client(), x_forwarded_for=f"203.0.113.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [303, 303, 429, 429]


def test_booking_too_often_gets_an_honest_429_and_saves_nothing(settings):
    settings.BOOKING_RATE_LIMIT = (1, 3600)
    client = Client()
    first = client.post("/book/", form_data())
    assert first.status_code == 303
    second = client.post("/book/", form_data(email="another@example.org"))
    assert_honest_429(second)
    assert Booking.objects.count() == 1


def test_a_spoofed_forwarded_for_does_not_reset_the_booking_limit(settings):
    settings.BOOKING_RATE_LIMIT = (1, 3600)
    Client().post("/book/", form_data(), headers={"x-forwarded-for": "203.0.113.1"})
    response = Client().post(
        "/book/",
        form_data(email="bob@example.org"),
        headers={"x-forwarded-for": "203.0.113.2"},
    )
    assert response.status_code == 429


def test_the_same_email_from_another_address_is_limited_too(settings):
    settings.BOOKING_RATE_LIMIT = (1, 3600)
    Client(REMOTE_ADDR="192.0.2.1").post("/book/", form_data())
    response = Client(REMOTE_ADDR="192.0.2.2").post("/book/", form_data())
    assert response.status_code == 429
