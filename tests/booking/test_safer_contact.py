"""Safer contact: how to call someone who may not be safe at home, and invites and
subjects that say nothing about therapy to whoever else reads the client's phone."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from icalendar import Calendar

from booking import emails
from booking.models import Booking, BookingSettings, OutgoingEmail
from booking.services import cancel_booking, reschedule_booking

from .conftest import MONDAY_10AM, NOW, form_data, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]

# Words that would tell someone reading over a shoulder what the appointment is.
GIVEAWAYS = re.compile(
    r"therap|counsel|psycho|consult|attachment|trauma|abuse|crisis|mental|"
    r"Shikha|The Therapeutic Way|thetherapeuticway",
    re.IGNORECASE,
)
CALL_PREFERENCES = {"voicemail": "no", "call_times": "Weekdays 10 to 2 only"}


def client_messages(booking: Booking) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(booking=booking, to=booking.email))


def summary_of(ics: str) -> str:
    return str(Calendar.from_ical(ics).walk("VEVENT")[0]["summary"])


def test_the_form_asks_if_a_voicemail_is_safe_and_when_to_call_and_keeps_the_answers(
    client,
):
    page = client.get("/book/").content.decode()
    assert "Is it safe to leave a voicemail on this number? (optional)" in page
    assert 'name="call_times"' in page and 'maxlength="200"' in page
    response = client.post("/book/", form_data(**CALL_PREFERENCES))
    assert response.status_code == 303
    booking = Booking.objects.get()
    assert (booking.voicemail, booking.call_times) == ("no", "Weekdays 10 to 2 only")


def test_both_are_optional(client):
    assert client.post("/book/", form_data()).status_code == 303
    assert (Booking.objects.get().voicemail, Booking.objects.get().call_times) == (
        "",
        "",
    )


@pytest.mark.parametrize(
    "bad",
    [
        {"voicemail": "maybe"},
        {"call_times": "x" * 201},
        {"call_times": "after 6\u202epm"},  # a hidden direction mark
    ],
)
def test_anything_else_is_refused_with_a_message_not_stored(client, bad):
    response = client.post("/book/", form_data(**bad))
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_only_the_therapist_is_told_how_to_call(shikha):
    booking = make_booking(shikha, **CALL_PREFERENCES)
    reschedule_booking(
        booking_id=booking.pk,
        sequence=0,
        starts_at=MONDAY_10AM + timedelta(hours=3),
        now=NOW,
    )
    booking.refresh_from_db()
    for message in OutgoingEmail.objects.all():
        everything = (
            message.subject + message.body_text + message.body_html + message.ics
        )
        told = "Weekdays 10 to 2 only" in everything
        assert told == (message.to == shikha.email), message.kind
    new = OutgoingEmail.objects.get(kind="new-booking")
    assert (
        "Safe to leave a voicemail: no, please do not leave a message" in new.body_text
    )


def test_by_default_invites_and_subjects_name_no_practice_and_no_clinical_word(shikha):
    booking = make_booking(shikha)
    reschedule_booking(
        booking_id=booking.pk,
        sequence=0,
        starts_at=MONDAY_10AM + timedelta(days=3),
        now=NOW,
    )
    cancel_booking(booking_id=booking.pk, now=NOW, by_practice=True)
    booking.refresh_from_db()
    emails.reminder(booking).save()
    messages = client_messages(booking)
    assert {m.kind for m in messages} == {
        "confirmation", "rescheduled", "cancelled", "reminder"
    }  # fmt: skip
    for message in messages:
        assert message.subject.startswith(("Appointment", "Reminder: Appointment"))
        assert not GIVEAWAYS.search(message.subject), message.subject
        assert summary_of(message.ics) == "Appointment"
        description = (
            Calendar.from_ical(message.ics).walk("VEVENT")[0].get("description", "")
        )
        assert not GIVEAWAYS.search(str(description).split("http")[0])


def test_she_can_choose_the_wording(shikha):
    BookingSettings.objects.update_or_create(
        therapist=shikha, defaults={"discreet_title": "Call with S."}
    )
    booking = make_booking(shikha)
    confirmation = OutgoingEmail.objects.get(booking=booking, kind="confirmation")
    assert confirmation.subject.startswith("Call with S.: Monday")
    assert summary_of(confirmation.ics) == "Call with S."


def test_the_call_preferences_are_purged_with_the_consult(shikha, clock):
    make_booking(shikha, **CALL_PREFERENCES)
    OutgoingEmail.objects.update(status="sent")
    clock.shift(timedelta(days=91))
    call_command("purge_personal_data", stdout=StringIO())
    assert not Booking.objects.exists()
    assert not OutgoingEmail.objects.filter(
        body_text__contains="Weekdays 10 to 2"
    ).exists()
