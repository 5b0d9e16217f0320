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

        from booking import today
        from core import admin_nav
        from core import today as today_page

        notices.add_source(today.email_notices)
        today_page.add_panel(
            today_page.Panel(
                "consults",
                "booking/admin/today_consults.html",
                today.consults_context,
                10,
            )
        )
        admin_nav.place("booking.booking", "Consults and hours", 10, "Consults")
        admin_nav.place(
            "attachment.therapist",
            "Consults and hours",
            20,
            "Weekly hours and time off",
        )
        admin_nav.place(
            "booking.calendarfeed", "Consults and hours", 30, "Your calendars"
        )
        admin_nav.place(
            "booking.consultscalendar",
            "Consults and hours",
            40,
            "Your consults in your calendar app",
        )
        admin_nav.place(
            "booking.outgoingemail", "Site security and mail", 10, "Outgoing emails"
        )
