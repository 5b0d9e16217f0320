"""The therapist's consults as an ICS feed her own calendar app subscribes to.

Her calendar may be shared or glanced at by others (a partner, an assistant, a phone on
the table), so each event says only "Appointment" and links to the consult in the
admin, behind her sign-in: no client name, phone, email or note is ever in it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.urls import reverse
from icalendar import Calendar, Event

from booking import links
from booking.models import Booking, ConsultsCalendar

TITLE = "Appointment"


def consults_ics(calendar: ConsultsCalendar, *, now: datetime) -> bytes:
    """Her upcoming confirmed consults; cancelled or moved ones simply drop out of it."""
    upcoming = Booking.objects.confirmed().filter(
        therapist=calendar.therapist, ends_at__gt=now
    )
    ics = Calendar()
    ics.add("prodid", "-//The Therapeutic Way//Consults//EN")
    ics.add("version", "2.0")
    ics.add("x-wr-calname", "Consults")
    # Ask subscribing apps to look again often (Apple and Outlook listen; Google reads
    # subscribed calendars on its own schedule, several times a day).
    ics.add("refresh-interval", timedelta(minutes=15), parameters={"VALUE": "DURATION"})
    ics.add("x-published-ttl", "PT15M")
    for booking in upcoming.order_by("starts_at"):
        event = Event()
        # Not the client's invitation UID: her calendar must not merge the two.
        event.add("uid", f"consult-{booking.uid}")
        event.add("sequence", booking.sequence)
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", booking.starts_at.astimezone(UTC))
        event.add("dtend", booking.ends_at.astimezone(UTC))
        event.add("summary", TITLE)
        admin = reverse("admin:booking_booking_change", args=[booking.pk])
        event.add("description", f"Details (sign-in needed): {links.absolute(admin)}")
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        ics.add_component(event)
    return ics.to_ical()
