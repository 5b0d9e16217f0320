"""One function per message. Each returns an unsaved OutgoingEmail for the outbox.

Messages are written in the same transaction as the booking change that causes them;
booking/outbox.py sends them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from attachment.models import PracticeDetails, Therapist
from booking import links
from booking.models import (
    DISCREET_TITLE,
    Booking,
    BookingSettings,
    CalendarFeed,
    OutgoingEmail,
)
from booking.zones import PRACTICE_ZONE, describe

Kind = OutgoingEmail.Kind
FOR_THERAPIST = {Kind.NEW_BOOKING, Kind.CANCELLED_THERAPIST, Kind.RESCHEDULED_THERAPIST}


def confirmation(booking: Booking) -> OutgoingEmail:
    return _message(
        Kind.CONFIRMATION, booking, booking.email, "booking-confirmed",
        ics=invite(booking, "REQUEST"),
    )  # fmt: skip


def new_booking_for_therapist(booking: Booking) -> OutgoingEmail:
    return _message(
        Kind.NEW_BOOKING, booking, booking.therapist.email, "booking-new-therapist"
    )


def cancellation(booking: Booking, *, by_practice: bool = False) -> OutgoingEmail:
    return _message(
        Kind.CANCELLED, booking, booking.email, "booking-cancelled",
        ics=invite(booking, "CANCEL"), by_practice=by_practice,
    )  # fmt: skip


def cancellation_for_therapist(booking: Booking) -> OutgoingEmail:
    return _message(
        Kind.CANCELLED_THERAPIST, booking, booking.therapist.email,
        "booking-cancelled-therapist",
    )  # fmt: skip


def rescheduled(booking: Booking, previous_start: datetime) -> OutgoingEmail:
    return _message(
        Kind.RESCHEDULED, booking, booking.email, "booking-rescheduled",
        ics=invite(booking, "REQUEST"), previous_start=previous_start,
    )  # fmt: skip


def rescheduled_for_therapist(
    booking: Booking, previous_start: datetime
) -> OutgoingEmail:
    return _message(
        Kind.RESCHEDULED_THERAPIST, booking, booking.therapist.email,
        "booking-rescheduled-therapist", previous_start=previous_start,
    )  # fmt: skip


def reminder(booking: Booking) -> OutgoingEmail:
    return _message(
        Kind.REMINDER, booking, booking.email, "booking-reminder",
        ics=invite(booking, "REQUEST"),
    )  # fmt: skip


def bookings_paused(therapist: Therapist, *, now: datetime) -> OutgoingEmail:
    """To the therapist: the site's caps on new consults were reached (about a bot)."""
    context = {
        "practice": PracticeDetails.load(),
        "per_hour": settings.BOOKING_SITE_LIMIT_PER_HOUR,
        "per_day": settings.BOOKING_SITE_LIMIT_PER_DAY,
        "when": describe(now, PRACTICE_ZONE),
        "admin_url": links.absolute(reverse("admin:booking_booking_changelist")),
    }
    return OutgoingEmail(
        kind=Kind.BOOKINGS_PAUSED,
        to=therapist.email,
        subject=_subject("emails/bookings-paused-subject.txt", context),
        body_text=render_to_string("emails/bookings-paused-body.txt", context),
        body_html=render_to_string("emails/bookings-paused-body.html", context),
        next_attempt_at=timezone.now(),
    )


def calendar_failing(feed: CalendarFeed, *, now: datetime) -> OutgoingEmail:
    """To the therapist, once: one of her calendars has not been readable for an hour."""
    context = {
        "practice": PracticeDetails.load(),
        "label": feed.label,
        "error": feed.error,
        "since": describe(feed.error_since or now, PRACTICE_ZONE),
        "admin_url": links.absolute(
            reverse("admin:booking_calendarfeed_change", args=[feed.pk])
        ),
    }
    return OutgoingEmail(
        kind=Kind.CALENDAR_FAILING,
        to=feed.therapist.email,
        subject=_subject("emails/calendar-failing-subject.txt", context),
        body_text=render_to_string("emails/calendar-failing-body.txt", context),
        body_html=render_to_string("emails/calendar-failing-body.html", context),
        next_attempt_at=timezone.now(),
    )


def summary(booking: Booking) -> str:
    practice = PracticeDetails.load()
    minutes = int((booking.ends_at - booking.starts_at).total_seconds() // 60)
    name = practice.name if practice else "The Therapeutic Way"
    return f"Free {minutes}-minute consult with {booking.therapist.name} ({name})"


def discreet_title(therapist: Therapist) -> str:
    """The plain title a client's calendar and inbox show ("Appointment" unless she
    changed it): no practice, no therapist, nothing about therapy."""
    found = BookingSettings.objects.filter(therapist=therapist).first()
    title = " ".join(found.discreet_title.split()) if found else ""
    return title or DISCREET_TITLE


def invite(booking: Booking, method: str) -> str:
    """An iCalendar invite. Calendars sync widely and others may see them, so its title
    is the discreet one and the client's note and call preferences are never in it."""
    practice = PracticeDetails.load()
    calendar = Calendar()
    calendar.add("prodid", "-//The Therapeutic Way//Consult booking//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", booking.uid)
    event.add("sequence", booking.sequence)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", booking.starts_at.astimezone(UTC))
    event.add("dtend", booking.ends_at.astimezone(UTC))
    event.add("summary", discreet_title(booking.therapist))
    if method != "CANCEL":  # a cancelled consult has no time left to change
        event.add(
            "description",
            "We will call you at the number you gave.\n"
            "To cancel or change the time: "
            f"{links.absolute(links.reschedule_url(booking))}",
        )
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer = vCalAddress(
        f"mailto:{practice.email if practice else booking.therapist.email}"
    )
    organizer.params["cn"] = booking.therapist.name
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{booking.email}")
    attendee.params["cn"] = booking.name
    attendee.params["role"] = "REQ-PARTICIPANT"
    event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical().decode()


def _message(
    kind: str,
    booking: Booking,
    to: str,
    template: str,
    *,
    ics: str = "",
    previous_start: datetime | None = None,
    by_practice: bool = False,
) -> OutgoingEmail:
    zone = PRACTICE_ZONE if kind in FOR_THERAPIST else booking.visitor_time_zone
    context = {
        "booking": booking,
        "practice": PracticeDetails.load(),
        "summary": summary(booking),
        "title": discreet_title(booking.therapist),
        "when": describe(booking.starts_at, zone),
        "when_practice": describe(booking.starts_at, PRACTICE_ZONE),
        "when_client": describe(booking.starts_at, booking.visitor_time_zone),
        "previous": describe(previous_start, zone) if previous_start else "",
        "cancel_url": links.absolute(links.cancel_url(booking)),
        "reschedule_url": links.absolute(links.reschedule_url(booking)),
        "book_url": links.absolute(reverse("booking:consult-form")),
        "admin_url": links.absolute(
            reverse("admin:booking_booking_change", args=[booking.pk])
        ),
        "by_practice": by_practice,
    }
    return OutgoingEmail(
        booking=booking,
        kind=kind,
        sequence=booking.sequence,
        to=to,
        subject=_subject(f"emails/{template}-subject.txt", context),
        body_text=render_to_string(f"emails/{template}-body.txt", context),
        body_html=render_to_string(f"emails/{template}-body.html", context),
        ics=ics,
        next_attempt_at=timezone.now(),
    )


def _subject(template: str, context: dict) -> str:
    # Plain text (each subject template turns escaping off); split() also removes every
    # kind of line break, so a subject is always one line.
    return " ".join(render_to_string(template, context).split())[:200]
