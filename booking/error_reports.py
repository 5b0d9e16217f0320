"""A server error (a 500) reaches the people in ADMINS by email, through the outbox.

Django's own AdminEmailHandler sends while the visitor waits and copies what they sent
into the message. Here the message is written to the outbox and sent by the task worker
(booking/tasks.py), never while the visitor waits; it says what kind of error happened and where in the code, never what the
visitor typed, their address, cookies or the page's own address (a cancel link's path
holds a signed token). Each kind of error is mailed at most once an hour, however many
visitors meet it, so one broken page cannot flood the practice's inbox.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from booking.zones import PRACTICE_ZONE

ONCE_AN_HOUR = (1, 3600)
PROJECT = Path(__file__).resolve().parent.parent
MAX_FRAMES = 12


class OutboxErrorHandler(logging.Handler):
    """Attached to the django.request logger at level ERROR (settings.LOGGING)."""

    def emit(self, record: logging.LogRecord) -> None:
        if not settings.ADMINS or not is_server_error(record):
            return
        try:
            report(record)
        except Exception:  # never turn one error into two; the log still has it
            self.handleError(record)


def is_server_error(record: logging.LogRecord) -> bool:
    # A 503 the site chose to send (the database away, bookings paused) is logged at
    # ERROR too, but it is no bug: it has its own notice or fixes itself.
    return bool(record.exc_info) or getattr(record, "status_code", None) == 500


def report(record: logging.LogRecord) -> list:
    """Queue one message per address in ADMINS, unless this kind was mailed this hour."""
    # Imported here: logging is configured before the apps' models can be imported.
    from booking import tasks
    from booking.models import OutgoingEmail
    from core.ratelimit import retry_after

    kind = record.exc_info[0] if record.exc_info else None
    error = kind.__name__ if kind else "no exception"
    frames = project_frames(record)
    request = getattr(record, "request", None)
    match = getattr(request, "resolver_match", None)
    page = match.view_name if match else "(no page matched)"
    method = getattr(request, "method", "") or ""
    signature = "|".join([error, page, *frames[-1:]])
    if retry_after("server-error-mail", signature, ONCE_AN_HOUR) is not None:
        return []
    now = timezone.now()
    body = "\n".join(
        [
            f"A page on {settings.SITE_URL} failed with a server error (500) at "
            f"{now.astimezone(ZoneInfo(PRACTICE_ZONE)):%Y-%m-%d %H:%M} (Toronto time).",
            "",
            f"Page: {page} ({method})" if method else f"Page: {page}",
            f"Error: {error}",
            "Where in the code (most recent call last):",
            *(f"  {frame}" for frame in frames),
            "",
            "What the visitor sent is left out of this email on purpose: it may be "
            "personal. The server's log has the full details "
            "(journalctl -u attachment --since today).",
            "This kind of error is emailed at most once an hour; it may have happened "
            "again since.",
        ]
    )
    subject = (
        f"Server error on {settings.SITE_URL.split('://', 1)[1]}: {error} in {page}"
    )
    messages = [
        OutgoingEmail(
            kind=OutgoingEmail.Kind.SERVER_ERROR,
            to=address,
            subject=subject[:200],
            body_text=body,
            next_attempt_at=now,
        )
        for address in settings.ADMINS
    ]
    # Sent by the task worker, as a booking's messages are: the visitor's error page
    # never waits on the mail server, and send_outbox retries what fails.
    with transaction.atomic():
        tasks.send_once_committed(messages)
    return messages


def project_frames(record: logging.LogRecord) -> list[str]:
    """File, line and function of the project's own frames: where, never what."""
    if not record.exc_info or record.exc_info[2] is None:
        return []
    frames = []
    for frame in traceback.extract_tb(record.exc_info[2]):
        path = Path(frame.filename).resolve()
        if not path.is_relative_to(PROJECT) or ".venv" in path.parts:
            continue
        frames.append(
            f"{path.relative_to(PROJECT)}, line {frame.lineno}, in {frame.name}"
        )
    return frames[-MAX_FRAMES:]
