from __future__ import annotations

from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "booking"

    def ready(self) -> None:
        from attachment.models import Therapist
        from booking import calendars
        from booking.models import (
            Booking,
            BookingSettings,
            CalendarFeed,
            TimeOff,
            WeeklyHours,
        )
        from booking.outbox import backlog
        from booking.services import OFFERED
        from core import cache, health, notices, seo

        # The free times change with any booking, with her hours or time off, and with
        # her calendars (a calendar's busy times are replaced with its row, calendars.py).
        cache.watch(
            OFFERED,
            Booking,
            BookingSettings,
            CalendarFeed,
            TimeOff,
            WeeklyHours,
            Therapist,
        )

        seo.add_pages("booking", "booking:consult-form")
        notices.add_source(calendars.notices)
        health.add_check("calendars", calendars.health)
        health.add_check("outbox", backlog)
