"""A failure half-way through a multi-row write leaves nothing behind.

The fault is injected where it hurts most: after the booking row is written, while its
emails go into the outbox. The transaction must take the booking back with it, so a
visitor never has a consult nobody was told about (or an email about a consult that
does not exist). These use real commits (transaction=True), as production does.
"""

from __future__ import annotations

import pytest
from django.test import Client

from attachment.models import Therapist
from booking.models import Booking, OutgoingEmail
from booking.services import cancel_booking
from tests.booking.conftest import MONDAY_10AM, NOW, form_data, make_booking

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class InjectedFault(Exception):
    pass


@pytest.fixture
def email_fault(monkeypatch):
    """fail_at(n): from now on, the n-th outbox email saved raises, the ones before are written."""
    real_save = OutgoingEmail.save
    saved: list = []

    def fail_at(n: int) -> list:
        saved.clear()

        def save(self, *args, **kwargs):
            if len(saved) + 1 >= n:
                raise InjectedFault("the disk filled up half-way")
            saved.append(self)
            return real_save(self, *args, **kwargs)

        monkeypatch.setattr(OutgoingEmail, "save", save)
        return saved

    yield fail_at
    monkeypatch.setattr(OutgoingEmail, "save", real_save)


def counts() -> tuple[int, int]:
    return Booking.objects.count(), OutgoingEmail.objects.count()


def test_a_fault_while_queueing_the_emails_takes_the_booking_back(
    clock, email_fault, shikha
):
    written = email_fault(2)
    with pytest.raises(InjectedFault):
        make_booking(shikha)
    assert len(written) == 1, "the fault came half-way, after one email was written"
    assert counts() == (0, 0)


def test_the_booking_form_answers_500_and_saves_nothing_when_that_happens(
    clock, email_fault, settings
):
    settings.BOOKING_MIN_SECONDS = 0
    email_fault(2)
    response = Client(raise_request_exception=False).post("/book/", form_data())
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert counts() == (0, 0)


def test_after_the_fault_the_same_time_can_still_be_booked(
    clock, email_fault, monkeypatch, shikha
):
    email_fault(1)
    with pytest.raises(InjectedFault):
        make_booking(shikha)
    monkeypatch.undo()
    assert make_booking(shikha).starts_at == MONDAY_10AM
    assert counts() == (1, 2)


def test_a_fault_while_cancelling_leaves_the_booking_confirmed(
    clock, email_fault, shikha
):
    booking = make_booking(shikha)
    before = counts()
    email_fault(2)
    with pytest.raises(InjectedFault):
        cancel_booking(booking_id=booking.pk, now=NOW)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert counts() == before


@pytest.fixture
def shikha(db) -> Therapist:
    return Therapist.objects.get(slug="shikha")
