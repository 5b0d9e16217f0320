from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from booking.purge import forget_consults, forget_sent_mail
from core.ratelimit import forget_expired


class Command(BaseCommand):
    help = (
        "Delete consults that ended more than PERSONAL_DATA_RETENTION_DAYS ago (with their "
        "emails), and sent emails older than that. Pending emails are kept until sent. "
        "Rate-limit counts whose window is over go too. "
        "Deletes in batches of a few thousand, each committed: safe to stop and to run "
        "again, a second run goes on where the first stopped (or finds nothing)."
    )

    def handle(self, *args, **options) -> None:
        cutoff = timezone.now() - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
        bookings, emails = forget_consults(cutoff=cutoff)
        # Sent or out of date: anything but a message still waiting to go.
        sent = forget_sent_mail(cutoff=cutoff)
        counts = forget_expired()
        self.stdout.write(
            f"Deleted {bookings} bookings and {emails + sent} emails older than "
            f"{settings.PERSONAL_DATA_RETENTION_DAYS} days."
        )
        self.stdout.write(f"Deleted {counts} rate-limit counts whose window is over.")
