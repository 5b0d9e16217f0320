"""A quiz result may travel with a booking: only when the visitor ticks the box."""

from __future__ import annotations

from datetime import date

import pytest

from booking.models import Booking
from quiz.results import make_result_token

from .conftest import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]


@pytest.fixture
def token() -> str:
    return make_result_token(
        instrument="ecr-rs", anxiety=5.2, avoidance=2.1, taken_on=date(2026, 11, 20)
    )


def test_a_result_link_offers_an_unchecked_box_saying_what_it_shares(client, token):
    html = client.get(f"/book/?result={token}").content.decode()
    assert 'name="share_result" value="on">' in html  # not checked
    assert "your two scores, the nearest attachment style and the date" in html
    assert "Your answers are not included" in html
    assert f'name="result" value="{token}"' in html


def test_without_a_result_there_is_no_box(client):
    assert 'name="share_result"' not in client.get("/book/").content.decode()


def test_a_tampered_result_is_ignored(client, token):
    html = client.get(f"/book/?result={token}x").content.decode()
    assert 'name="share_result"' not in html


def test_the_result_is_saved_only_when_the_box_is_ticked(client, token):
    client.post("/book/", form_data(result=token))
    assert Booking.objects.get().quiz_result_url == ""


def test_a_shared_result_is_saved_and_sent_to_the_therapist(client, token):
    response = client.post("/book/", form_data(result=token, share_result="on"))
    assert response.status_code == 303
    booking = Booking.objects.get()
    assert booking.quiz_result_url == f"http://127.0.0.1:8000/quiz/result/{token}/"
    assert booking.quiz_result_url in booking.emails.get(kind="new-booking").body_text
    assert "/quiz/" not in booking.emails.get(kind="confirmation").body_text


def test_a_tampered_result_is_never_saved_even_if_ticked(client, token):
    client.post("/book/", form_data(result=token + "x", share_result="on"))
    assert Booking.objects.get().quiz_result_url == ""
