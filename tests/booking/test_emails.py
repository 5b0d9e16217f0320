"""The messages: what they say, their invites, and that nothing personal leaks where it should not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from icalendar import Calendar

from booking.models import OutgoingEmail
from booking.services import cancel_booking, reschedule_booking

from .conftest import MONDAY_10AM, NOW, make_booking

pytestmark = pytest.mark.django_db


def sent_after_booking(shikha, django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return make_booking(shikha, **fields)


def event(ics: str):
    calendar = Calendar.from_ical(ics)
    return calendar, calendar.walk("VEVENT")[0]


def test_booking_sends_the_client_a_confirmation_with_an_invite_and_the_therapist_the_details(
    shikha, mailoutbox, django_capture_on_commit_callbacks
):
    sent_after_booking(
        shikha,
        django_capture_on_commit_callbacks,
        visitor_time_zone="America/Vancouver",
    )
    client_mail, therapist_mail = sorted(
        mailoutbox, key=lambda m: m.to[0] != "alice@example.org"
    )
    assert "7:00 a.m. Pacific time (Vancouver) (PST)" in client_mail.subject
    assert "http://127.0.0.1:8000/book/cancel/" in client_mail.body
    assert "http://127.0.0.1:8000/book/reschedule/" in client_mail.body
    assert "Evenings are hard to talk." not in client_mail.body
    invite = client_mail.attachments[0]
    assert invite.get_filename() == "invite.ics"
    assert invite.get_content_type() == "text/calendar"
    assert invite.get_param("method") == "REQUEST"
    assert "BEGIN:VCALENDAR" in invite.get_content()
    assert therapist_mail.to == [shikha.email]
    assert "10:00 a.m. Eastern time (Toronto) (EST)" in therapist_mail.body
    for detail in (
        "Alice Martin",
        "alice@example.org",
        "905 555 0101",
        "Evenings are hard to talk.",
    ):
        assert detail in therapist_mail.body
    assert any(mime == "text/html" for _, mime in client_mail.alternatives)
    assert all(m.status == "sent" for m in OutgoingEmail.objects.all())


def test_the_invite_is_a_request_in_utc_without_the_clients_note(shikha):
    booking = make_booking(shikha)
    ics = booking.emails.get(kind="confirmation").ics
    calendar, vevent = event(ics)
    assert calendar["method"] == "REQUEST"
    assert vevent["uid"] == booking.uid
    assert vevent["sequence"] == 0
    assert vevent.decoded("dtstart") == MONDAY_10AM
    assert vevent.decoded("dtend") == MONDAY_10AM + timedelta(minutes=20)
    assert "DTSTART:20261130T150000Z" in ics
    assert str(vevent["summary"]) == "Appointment"  # discreet by default
    assert "Evenings" not in ics


def test_a_reschedule_sends_an_updated_invite_with_the_same_uid_and_a_higher_sequence(
    shikha,
):
    booking = make_booking(shikha)
    reschedule_booking(
        booking_id=booking.pk,
        sequence=0,
        starts_at=MONDAY_10AM + timedelta(hours=3),
        now=NOW,
    )
    message = OutgoingEmail.objects.get(kind="rescheduled")
    calendar, vevent = event(message.ics)
    assert (calendar["method"], vevent["uid"], vevent["sequence"]) == (
        "REQUEST",
        booking.uid,
        1,
    )
    assert (
        "It was on Monday, November 30, 2026, 10:00 a.m. Eastern time (Toronto) (EST)"
        in message.body_text
    )
    therapist = OutgoingEmail.objects.get(kind="rescheduled-therapist")
    assert "1:00 p.m. Eastern time (Toronto)" in therapist.body_text


def test_a_cancellation_sends_a_cancel_invite_to_the_client_and_a_note_to_the_therapist(
    shikha,
):
    booking = make_booking(shikha)
    cancel_booking(booking_id=booking.pk, now=NOW)
    calendar, vevent = event(OutgoingEmail.objects.get(kind="cancelled").ics)
    assert (calendar["method"], vevent["uid"], vevent["status"]) == (
        "CANCEL",
        booking.uid,
        "CANCELLED",
    )
    # Calendars apply a CANCEL only when its SEQUENCE is above the invite they hold.
    assert vevent["sequence"] == 1
    assert "description" not in vevent  # no link to change a time that is gone
    assert OutgoingEmail.objects.get(kind="cancelled-therapist").to == shikha.email


def test_when_the_practice_cancels_the_client_gets_an_apology_not_a_receipt(shikha):
    booking = make_booking(shikha)
    cancel_booking(booking_id=booking.pk, now=NOW, by_practice=True)
    message = OutgoingEmail.objects.get(kind="cancelled")
    assert message.subject.startswith("Appointment cancelled: Monday")
    assert "Shikha has had to cancel your free consult" in message.body_text
    assert "Nothing went wrong on your side." in message.body_html
    assert "/book/" in message.body_text


def test_messages_still_waiting_about_an_old_time_are_never_sent(shikha):
    booking = make_booking(shikha)  # its confirmation waits, as when mail is down
    later = MONDAY_10AM + timedelta(hours=3)
    reschedule_booking(booking_id=booking.pk, sequence=0, starts_at=later, now=NOW)
    statuses = dict(booking.emails.values_list("kind", "status"))
    assert statuses["confirmation"] == statuses["new-booking"] == "superseded"
    assert statuses["rescheduled"] == "pending"
    cancel_booking(booking_id=booking.pk, now=NOW)
    assert set(
        booking.emails.filter(status="pending").values_list("kind", flat=True)
    ) == {"cancelled", "cancelled-therapist"}


def test_the_therapist_sees_a_shared_quiz_result_link(shikha):
    booking = make_booking(
        shikha, quiz_result_url="http://127.0.0.1:8000/quiz/result/abc/"
    )
    body = booking.emails.get(kind="new-booking").body_text
    assert "http://127.0.0.1:8000/quiz/result/abc/" in body


def test_without_sharing_the_therapist_gets_no_quiz_link(shikha):
    body = make_booking(shikha).emails.get(kind="new-booking").body_text
    assert "/quiz/result/" not in body
