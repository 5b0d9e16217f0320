"""Sending the outbox: each due message is claimed, sent, and marked, exactly once.

Rows are claimed one at a time with SELECT ... FOR UPDATE SKIP LOCKED, so several hosts
running `send_outbox` every minute never send the same message twice, and one slow or
failing message never holds up the others.

A booking's own messages are also sent by a task as soon as the change commits
(booking/tasks.py); send_outbox is what retries them, sends reminders, and catches
anything a worker missed.
"""

from __future__ import annotations

import logging
import re
import smtplib
from collections.abc import Iterable
from contextlib import suppress
from datetime import datetime, timedelta
from email.errors import MessageError
from email.message import MIMEPart

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, transaction
from django.db.models import Count, Min, Q
from django.utils import timezone

from booking import emails
from booking.models import REMINDER_BEFORE, Booking, OutgoingEmail
from core.health import Health

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 ... minutes after each failure, at most 6 hours."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def send_due(
    *, now: datetime, ids: Iterable[int] | None = None, stop_at_a_failure: bool = False
) -> tuple[int, int]:
    """Send every pending message that is due; return (sent, failed).

    With stop_at_a_failure, the first failure leaves the rest for the next send_outbox
    run: when the mail server is down, one timeout is enough to learn it.

    Each claim starts where the last one ended in (next_attempt_at, id) order, the order
    of the partial index on pending rows: it never re-reads the index entries that the
    messages already sent left behind (dead until VACUUM), so the thousandth claim costs
    what the first did. A message tried in this run cannot come back: sent or failed, it
    is no longer pending; retried, it is due after `now`. The plan for one claim, with
    10,000 pending rows among 200,000:

        Limit
          ->  LockRows
                ->  Index Scan using booking_outgoing_due_idx on booking_outgoingemail
                      Index Cond: ((next_attempt_at >= ...) AND (next_attempt_at <= ...))
    """
    sent = failed = 0
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    if ids is not None:
        due = due.filter(pk__in=list(ids))
    last: tuple[datetime, int] | None = None
    # One mail-server session for the whole run, not one per message. It opens with
    # the first message, so a server that is down fails that message, not the run.
    mailer = mailers.default
    try:
        while True:
            with transaction.atomic():
                claim = due if last is None else due.filter(_after(*last))
                message = claim.select_for_update(skip_locked=True).first()
                if message is None:
                    return sent, failed
                # Before deliver(), which moves next_attempt_at on for a retry.
                last = (message.next_attempt_at, message.pk)
                if deliver(message, now=now, mailer=mailer):
                    sent += 1
                else:
                    failed += 1
                    if stop_at_a_failure:
                        return sent, failed
    finally:
        with suppress(Exception):
            mailer.close()


def _after(when: datetime, pk: int) -> Q:
    """Rows after (when, pk) in (next_attempt_at, id) order: the first term bounds the
    index scan, the second breaks ties."""
    return Q(next_attempt_at__gte=when) & (Q(next_attempt_at__gt=when) | Q(pk__gt=pk))


def deliver(message: OutgoingEmail, *, now: datetime, mailer: BaseEmailBackend) -> bool:
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
        mailer.open()  # again after a failure closed it; a no-op while open
        mailer.send_messages([email])
    except Exception as error:  # keep it pending and try again later, unless never
        # A session that failed may be half-closed: the next message opens a new one.
        with suppress(Exception):
            mailer.close()
        # Only the kind of error: SMTP replies can echo addresses, which are personal data.
        message.last_error = type(error).__name__[:200]
        if can_never_be_sent(error):
            message.status = OutgoingEmail.Status.FAILED
        else:
            message.next_attempt_at = now + backoff(message.attempts)
        message.save(
            update_fields=["attempts", "last_error", "next_attempt_at", "status"]
        )
        log.warning("Outgoing email %s not sent: %s", message.pk, message.last_error)
        return False
    message.status = OutgoingEmail.Status.SENT
    message.sent_at = now
    message.last_error = ""
    message.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return True


def can_never_be_sent(error: Exception) -> bool:
    """A permanent refusal (5xx) of the recipient, or an address Python's email library
    cannot write into a message; anything else (a 4xx, the server down) may pass later."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(
            code >= 500 for code, _reply in error.recipients.values()
        )
    return isinstance(error, ValueError | UnicodeError | MessageError)


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


def queue_reminders(*, now: datetime) -> int:
    """Write one reminder for each consult starting within 24 hours that has none yet."""
    queued = 0
    with transaction.atomic():
        due = (
            Booking.objects.confirmed()
            .filter(
                reminder_sent_at__isnull=True,
                starts_at__gt=now,
                starts_at__lte=now + REMINDER_BEFORE,
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


# Mail that has waited this long is late: the mail server, the outbox timer or the worker
# needs a look. Late mail still leaves the site serving visitors.
LATE_AFTER = timedelta(minutes=15)


def backlog() -> Health:
    """/healthz: how many messages wait to be sent, and since when, so a monitor can
    page someone when mail stops going out. Never a 503: pages still work without mail."""
    waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
    try:
        summary = waiting.aggregate(count=Count("pk"), oldest=Min("created_at"))
    except DatabaseError:  # the database check already says so, and fails
        return Health("unknown", ok=True)
    oldest = summary["oldest"]
    age = int((timezone.now() - oldest).total_seconds()) if oldest else None
    late = age is not None and age > LATE_AFTER.total_seconds()
    return Health(
        "late" if late else "ok",
        ok=True,
        figures={"waiting": summary["count"], "oldest_seconds": age},
    )
