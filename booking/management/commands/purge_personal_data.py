from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from booking.models import Booking, OutgoingEmail
from core.ratelimit import forget_expired


class Command(BaseCommand):
    help = (
        "Delete consults that ended more than PERSONAL_DATA_RETENTION_DAYS ago (with their "
        "emails), and sent emails older than that. Pending emails are kept until sent. "
        "Rate-limit counts whose window is over go too. "
        "Safe to run again: a second run finds nothing to delete."
    )

    def handle(self, *args, **options) -> None:
        cutoff = timezone.now() - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
        old_bookings = Booking.objects.filter(ends_at__lt=cutoff)
        emails, _ = OutgoingEmail.objects.filter(booking__in=old_bookings).delete()
        bookings, _ = old_bookings.delete()
        # Sent or out of date: anything but a message still waiting to go.
        sent, _ = (
            OutgoingEmail.objects.filter(created_at__lt=cutoff)
            .exclude(status=OutgoingEmail.Status.PENDING)
            .delete()
        )
        counts = forget_expired()
        self.stdout.write(
            f"Deleted {bookings} bookings and {emails + sent} emails older than "
            f"{settings.PERSONAL_DATA_RETENTION_DAYS} days."
        )
        self.stdout.write(f"Deleted {counts} rate-limit counts whose window is over.")
