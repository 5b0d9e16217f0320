"""Background work: sending a booking's messages once the change is committed.

Which backend runs it is the TASKS setting: django-tasks-db's worker in production, so
the visitor's page never waits on the mail server, and at once when developing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from booking.models import OutgoingEmail
from booking.outbox import send_due

log = logging.getLogger(__name__)


@task
def send_messages(ids: list[int]) -> None:
    """Send these outbox messages now, if still due. One failure leaves the rest for
    send_outbox's next run: when the mail server is down, one timeout tells us."""
    try:
        send_due(now=timezone.now(), ids=ids, stop_at_a_failure=True)
    except Exception:  # the outbox keeps them; send_outbox will retry
        log.exception("Sending the outbox failed; send_outbox will retry")


def send_once_committed(messages: Iterable[OutgoingEmail]) -> None:
    """Writes the messages to the outbox; they are sent once the transaction commits.

    Never before: a rollback would have mailed about a change that never happened.
    robust: a queue that cannot be reached loses nothing, send_outbox sends them within
    the minute."""
    ids = []
    for message in messages:
        message.save()
        ids.append(message.pk)
    transaction.on_commit(lambda: send_messages.enqueue(ids), robust=True)
