from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from booking.outbox import queue_reminders, send_due


class Command(BaseCommand):
    help = (
        "Queue the reminders that are due (24 hours before each consult, once), then send "
        "every pending email whose next attempt is due. Safe to run every minute from cron "
        "on several hosts at once: rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED."
    )

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        reminders = queue_reminders(now=now)
        sent, failed = send_due(now=now)
        self.stdout.write(
            f"Reminders queued: {reminders}. Emails sent: {sent}. Failed (will retry): {failed}."
        )
