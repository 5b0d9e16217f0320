from __future__ import annotations

from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "booking"

    def ready(self) -> None:
        from attachment.models import Therapist
        from booking.models import Booking, BookingSettings, TimeOff, WeeklyHours
        from booking.services import OFFERED
        from core import cache, seo

        # The free times change with any booking and with her hours or time off.
        cache.watch(OFFERED, Booking, BookingSettings, TimeOff, WeeklyHours, Therapist)

        seo.add_pages("booking", "booking:consult-form")
