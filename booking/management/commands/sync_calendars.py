from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from booking.calendars import sync_all


class Command(BaseCommand):
    help = (
        "Read the busy times of every calendar the therapist added in the admin. A calendar "
        "that cannot be read keeps its last busy times, its problem shows in the admin and "
        "in /healthz, and she is emailed once when it has failed for an hour. Run every few "
        "minutes; safe on several hosts at once (each feed's rows are replaced under a lock)."
    )

    def handle(self, *args, **options) -> None:
        read, failed = sync_all(now=timezone.now())
        self.stdout.write(f"Calendars read: {read}. Could not be read: {failed}.")
