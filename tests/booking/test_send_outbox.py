"""The outbox over a real SMTP server on loopback: down, back, each message exactly once."""

from __future__ import annotations

import socket
from datetime import timedelta
from importlib import import_module

import pytest
from aiosmtpd.controller import Controller
from asgiref.sync import async_to_sync
from django.apps import apps
from django.core.management import call_command
from django.test import AsyncClient

from booking.models import Booking, OutgoingEmail
from booking.outbox import backoff
from booking.services import free_slots_for, reschedule_booking

from .conftest import MONDAY_10AM, NOW, form_data, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]


class Collector:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    port = free_port()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "127.0.0.1",
                "port": port,
                "use_tls": False,
                "timeout": 5,
            },
        }
    }
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    yield controller, collector
    if controller._thread is not None:
        controller.stop()


def run_send_outbox() -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_outbox", stdout=out)
    return out.getvalue()


def test_with_the_smtp_server_down_the_booking_succeeds_and_mail_waits(
    client, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/book/", form_data())
    assert response.status_code == 303
    assert Booking.objects.count() == 1
    tried, untried = OutgoingEmail.objects.filter(status="pending").order_by("pk")
    assert tried.attempts == 1
    assert tried.last_error == "ConnectionRefusedError"
    assert tried.next_attempt_at == NOW + timedelta(minutes=1)
    # One refused connection is enough to know: the other waits for send_outbox.
    assert untried.attempts == 0
    assert untried.next_attempt_at <= NOW


def test_when_the_server_comes_back_each_message_is_delivered_exactly_once(
    client, smtp, clock, django_capture_on_commit_callbacks
):
    controller, collector = smtp
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/book/", form_data())
    # Still down: the message not tried yet fails too; the first is not due again yet.
    assert "Emails sent: 0. Failed (will retry): 1." in run_send_outbox()
    controller.start()
    clock.shift(timedelta(minutes=2))
    assert "Emails sent: 2." in run_send_outbox()
    assert "Emails sent: 0." in run_send_outbox()
    assert sorted(e.rcpt_tos[0] for e in collector.messages) == [
        "alice@example.org",
        "info@thetherapeuticway.ca",
    ]
    assert "invite.ics" in "".join(e.content.decode() for e in collector.messages)
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_a_running_server_gets_the_messages_straight_after_the_booking(
    client, smtp, django_capture_on_commit_callbacks
):
    controller, collector = smtp
    controller.start()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/book/", form_data())
    assert len(collector.messages) == 2
    raw = "".join(e.content.decode() for e in collector.messages)
    assert 'Content-Type: text/calendar; charset="utf-8"; method="REQUEST"' in raw
    assert 'filename="invite.ics"' in raw


@pytest.fixture
def worker_queue(monkeypatch):
    """Production's task backend: the booking only queues; `db_worker` sends."""
    from booking import tasks

    monkeypatch.setattr(
        tasks, "send_messages", tasks.send_messages.using(backend="worker")
    )


def run_worker() -> None:
    call_command(
        "db_worker", "--batch", "--backend=worker", "--no-startup-delay", "--no-reload"
    )


@pytest.mark.django_db(
    transaction=True, serialized_rollback=True
)  # the worker closes its connection
def test_a_web_requests_messages_are_sent_by_the_worker_not_by_the_request(
    client, smtp, worker_queue
):
    """A slow mail server must never keep the visitor waiting for their page."""
    controller, collector = smtp
    controller.start()
    response = client.post("/book/", form_data())
    assert response.status_code == 303
    assert collector.messages == []  # committed and queued, not sent by the request
    run_worker()
    assert len(collector.messages) == 2
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_a_booking_served_over_asgi_sends_its_messages_once_committed(
    smtp, django_capture_on_commit_callbacks
):
    """No hook tied to a thread or a request: the same task runs under ASGI."""
    controller, collector = smtp
    controller.start()
    with django_capture_on_commit_callbacks(execute=True):
        response = async_to_sync(AsyncClient().post)("/book/", form_data())
    assert response.status_code == 303
    assert len(collector.messages) == 2


def test_backoff_doubles_up_to_six_hours():
    assert [backoff(n) for n in (1, 2, 3, 4)] == [
        timedelta(minutes=m) for m in (1, 2, 4, 8)
    ]
    assert backoff(30) == timedelta(hours=6)


def test_a_reminder_is_queued_once_a_day_before(shikha, clock, mailoutbox):
    booking = make_booking(shikha, starts_at=MONDAY_10AM + timedelta(days=3))
    OutgoingEmail.objects.update(status="sent")
    assert "Reminders queued: 0." in run_send_outbox()
    clock.shift(timedelta(days=2, hours=16))  # 23 hours before
    assert "Reminders queued: 1. Emails sent: 1." in run_send_outbox()
    assert "Reminders queued: 0. Emails sent: 0." in run_send_outbox()
    booking.refresh_from_db()
    assert booking.reminder_sent_at is not None
    assert mailoutbox[-1].subject.startswith(
        "Reminder: Appointment, Thursday, December 3"
    )


def test_no_reminder_for_a_consult_booked_less_than_a_day_ahead(shikha, clock):
    make_booking(shikha)  # 16 hours ahead
    OutgoingEmail.objects.update(status="sent")
    assert "Reminders queued: 0." in run_send_outbox()


def test_a_consult_moved_to_within_a_day_gets_no_reminder_on_top_of_the_move(
    shikha, clock
):
    booking = make_booking(shikha, starts_at=MONDAY_10AM + timedelta(days=3))
    clock.shift(timedelta(days=2))
    now = NOW + timedelta(days=2)
    within_a_day = next(
        start for start in free_slots_for(shikha, now=now)
        if start - now < timedelta(hours=24)
    )  # fmt: skip
    reschedule_booking(
        booking_id=booking.pk, sequence=0, starts_at=within_a_day, now=now
    )
    OutgoingEmail.objects.update(status="sent")
    assert "Reminders queued: 0." in run_send_outbox()


def test_no_reminder_for_a_cancelled_consult(shikha, clock):
    booking = make_booking(shikha, starts_at=MONDAY_10AM + timedelta(days=3))
    booking.status = Booking.Status.CANCELLED
    booking.save()
    clock.shift(timedelta(days=2, hours=16))
    assert "Reminders queued: 0." in run_send_outbox()


class Refusing(Collector):
    """A mail server that refuses some recipients for good (550) and some for now (450)."""

    def __init__(self, refused: dict[str, str]) -> None:
        super().__init__()
        self.refused = refused

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"


def refusing(smtp, refused: dict[str, str]) -> Refusing:
    controller, _collector = smtp
    handler = Refusing(refused)
    controller.handler = handler
    controller.start()
    return handler


def test_an_address_the_server_refuses_for_good_is_marked_failed_and_not_retried(
    smtp, shikha, clock
):
    handler = refusing(smtp, {"gone@example.org": "550 5.1.1 No such mailbox"})
    make_booking(shikha, email="gone@example.org")
    assert "Emails sent: 1. Failed (will retry): 1." in run_send_outbox()
    refused = OutgoingEmail.objects.get(to="gone@example.org")
    assert refused.status == OutgoingEmail.Status.FAILED
    assert refused.get_status_display() == "not sent: the address cannot receive mail"
    assert refused.last_error == "SMTPRecipientsRefused"
    clock.shift(timedelta(hours=7))
    assert "Emails sent: 0. Failed (will retry): 0." in run_send_outbox()
    assert OutgoingEmail.objects.get(pk=refused.pk).attempts == 1
    assert len(handler.messages) == 1  # the therapist's copy


def test_an_address_refused_for_now_is_tried_again_later(smtp, shikha, clock):
    refusing(smtp, {"busy@example.org": "450 4.2.1 Mailbox busy, try later"})
    make_booking(shikha, email="busy@example.org")
    run_send_outbox()
    waiting = OutgoingEmail.objects.get(to="busy@example.org")
    assert waiting.status == OutgoingEmail.Status.PENDING
    assert waiting.next_attempt_at == NOW + timedelta(minutes=1)


def test_an_address_no_message_can_carry_is_marked_failed_not_retried_forever(
    smtp, shikha, clock
):
    # Accepted by the old form: a quoted local part with control characters in it.
    refusing(smtp, {})
    booking = make_booking(shikha)
    OutgoingEmail.objects.filter(booking=booking, kind="confirmation").update(
        to='"\x0b\x1f;x=y"@example.org'
    )
    run_send_outbox()
    stuck = OutgoingEmail.objects.get(kind="confirmation")
    assert stuck.status == OutgoingEmail.Status.FAILED
    assert stuck.last_error == "ValueError"
    assert OutgoingEmail.objects.get(kind="new-booking").status == "sent"


def test_consults_booked_late_before_the_rule_moved_are_not_reminded_on_upgrade(
    shikha, clock
):
    migration = import_module("booking.migrations.0013_reminder_rule_in_place")
    late = make_booking(shikha)  # 16 hours ahead
    ahead = make_booking(shikha, starts_at=MONDAY_10AM + timedelta(days=3))
    Booking.objects.update(reminder_sent_at=None)  # as the old code left them
    migration.mark_late_bookings_as_reminded(apps, None)
    late.refresh_from_db()
    ahead.refresh_from_db()
    assert late.reminder_sent_at == late.created_at
    assert ahead.reminder_sent_at is None
    OutgoingEmail.objects.update(status="sent")
    assert "Reminders queued: 0." in run_send_outbox()
