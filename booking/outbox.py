"""Sending the outbox: each due message is claimed, sent, and marked, exactly once.

Rows are claimed one at a time with SELECT ... FOR UPDATE SKIP LOCKED, so several hosts
running `send_outbox` every minute never send the same message twice, and one slow or
failing message never holds up the others.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from email.message import MIMEPart

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from booking import emails
from booking.models import Booking, OutgoingEmail

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 ... minutes after each failure, at most 6 hours."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def send_due(*, now: datetime, ids: Iterable[int] | None = None) -> tuple[int, int]:
    """Send every pending message that is due; return (sent, failed)."""
    sent = failed = 0
    tried: set[int] = set()
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now
    )
    if ids is not None:
        due = due.filter(pk__in=list(ids))
    while True:
        with transaction.atomic():
            message = (
                due.exclude(pk__in=tried)
                .select_for_update(skip_locked=True)
                .order_by("next_attempt_at", "pk")
                .first()
            )
            if message is None:
                return sent, failed
            tried.add(message.pk)
            if deliver(message, now=now):
                sent += 1
            else:
                failed += 1


def deliver(message: OutgoingEmail, *, now: datetime) -> bool:
    """Try to send one claimed message and record the outcome on its row."""
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    if message.ics:
        email.attach(invite_part(message.ics))
    message.attempts += 1
    try:
        email.send()
    except Exception as error:  # any failure: keep it pending and try again later
        # Only the kind of error: SMTP replies can echo addresses, which are personal data.
        message.last_error = type(error).__name__[:200]
        message.next_attempt_at = now + backoff(message.attempts)
        message.save(update_fields=["attempts", "last_error", "next_attempt_at"])
        log.warning("Outgoing email %s not sent: %s", message.pk, message.last_error)
        return False
    message.status = OutgoingEmail.Status.SENT
    message.sent_at = now
    message.last_error = ""
    message.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return True


def invite_part(ics: str) -> MIMEPart:
    """The .ics file, with its METHOD also in the MIME type, as calendar apps expect."""
    method = re.search(r"^METHOD:(\w+)", ics, re.MULTILINE)
    part = MIMEPart()
    part.set_content(
        ics,
        subtype="calendar",
        params={"method": method[1] if method else "REQUEST"},
        disposition="attachment",
        filename="invite.ics",
    )
    return part


def send_after_commit(messages: list[OutgoingEmail]) -> None:
    """Once the booking change is committed, try to send its messages straight away."""
    ids = [m.pk for m in messages]

    def send() -> None:
        try:
            send_due(now=timezone.now(), ids=ids)
        except Exception:  # the outbox keeps them; send_outbox will retry
            log.exception("Sending after commit failed; the outbox will retry")

    transaction.on_commit(send)


def queue_reminders(*, now: datetime) -> int:
    """Write one reminder for each consult starting within 24 hours that has none yet."""
    queued = 0
    with transaction.atomic():
        due = (
            Booking.objects.confirmed()
            .filter(
                reminder_sent_at__isnull=True,
                starts_at__gt=now,
                starts_at__lte=now + timedelta(hours=24),
                # Booked within a day of the consult: the confirmation is reminder enough.
                created_at__lte=F("starts_at") - timedelta(hours=24),
            )
            .select_related("therapist")
            .select_for_update(skip_locked=True, of=("self",))
        )
        for booking in due:
            emails.reminder(booking).save()
            booking.reminder_sent_at = now
            booking.save(update_fields=["reminder_sent_at"])
            queued += 1
    return queued
