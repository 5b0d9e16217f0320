"""Booking, cancelling and moving consults: each one transaction, with its emails."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils import timezone

from attachment.models import Therapist
from booking import emails, slots, tasks
from booking.models import (
    Booking,
    BookingSettings,
    BusyInterval,
    CalendarFeed,
    OutgoingEmail,
    TimeOff,
    WeeklyHours,
)
from booking.zones import PRACTICE_ZONE
from core.cache import Generation, remember
from core.ratelimit import retry_after


class SlotTaken(Exception):
    """The time is not free (taken meanwhile, or never offered)."""

    def __init__(self, starts_at: datetime) -> None:
        super().__init__(starts_at)
        self.starts_at = starts_at


class BookingsPaused(Exception):
    """The site has taken as many new consults as it allows for now: most likely a bot
    is filling the calendar, however many addresses it comes from."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class LinkNoLongerValid(Exception):
    """The booking was cancelled, moved since the link was sent, or has passed."""


def rules_for(therapist: Therapist) -> slots.Rules:
    found = BookingSettings.objects.filter(therapist=therapist).first()
    return found.rules() if found else slots.Rules()


def free_slots_for(
    therapist: Therapist, *, now: datetime, ignoring: Booking | None = None
) -> list[datetime]:
    """The therapist's free start times (UTC); `ignoring` a booking being moved.

    Her own calendars count with their last good busy times, and only as far as those
    reach (booking/calendars.py): a feed that fails never makes her look free. A feed
    never read yet does not hold the page back: the admin reads a feed when it is added
    and refuses an address it cannot read, so such a feed is one being fixed, and its
    failure shows on the admin's home page meanwhile.
    """
    if not therapist.accepting_consults:
        return []
    bookings = Booking.objects.confirmed().filter(
        therapist=therapist, blocked_until__gt=now
    )
    if ignoring is not None:
        bookings = bookings.exclude(pk=ignoring.pk)
    return slots.free_slots(
        weekly_hours=[
            slots.WeeklyRange(h.weekday, h.start, h.end)
            for h in WeeklyHours.objects.filter(therapist=therapist)
        ],
        time_off=[
            slots.DaysOff(t.first_day, t.last_day)
            for t in TimeOff.objects.filter(
                # Days off are the practice's days: after 7 p.m. in Toronto it is already
                # tomorrow in UTC, and today's time off must still count.
                therapist=therapist,
                last_day__gte=now.astimezone(ZoneInfo(PRACTICE_ZONE)).date(),
            )
        ],
        bookings=[
            slots.Busy(*times)
            for times in bookings.values_list("starts_at", "blocked_until")
        ],
        away=[
            slots.Away(*times)
            for times in BusyInterval.objects.filter(
                feed__therapist=therapist, end__gt=now
            ).values_list("start", "end")
        ],
        known_until=CalendarFeed.objects.filter(
            therapist=therapist, known_until__isnull=False
        ).aggregate(until=Min("known_until"))["until"],
        rules=rules_for(therapist),
        now=now,
        zone=ZoneInfo(PRACTICE_ZONE),
    )


# Moves on with any change to a booking or to the therapist's availability (apps.py).
OFFERED = Generation("booking:offered-version")


def offered_slots(therapist: Therapist, *, now: datetime) -> list[datetime]:
    """The free times to show on the booking page, from the cache when possible.

    Only for showing: booking itself always recomputes under the lock. Any change to a
    booking or to her availability moves OFFERED on, new times at the far end of the
    window show within a minute, and times that have come too close since the list was
    computed are dropped here, at read time.
    """

    def compute() -> tuple[list[datetime], timedelta]:
        notice = timedelta(hours=rules_for(therapist).minimum_notice_hours)
        return free_slots_for(therapist, now=now), notice

    free, notice = remember(
        f"booking:offered:{therapist.pk}:{therapist.accepting_consults}",
        compute,
        under=(OFFERED,),
        timeout=60,
    )
    return [start for start in free if start >= now + notice]


def book_consult(
    *,
    therapist: Therapist,
    starts_at: datetime,
    name: str,
    email: str,
    phone: str,
    note: str = "",
    voicemail: str = "",
    call_times: str = "",
    visitor_time_zone: str = PRACTICE_ZONE,
    quiz_result_url: str = "",
    now: datetime | None = None,
) -> Booking:
    """Book a free time, or raise SlotTaken (or BookingsPaused, when the site's caps on
    new consults are reached). The emails go out after commit."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            # Lock the therapist's row so that two requests for her calendar queue up
            # here instead of both seeing the time free (locking the, possibly empty,
            # set of bookings would not stop two inserts). The caps count under the
            # same lock, so parallel requests cannot pass them together.
            therapist = Therapist.objects.select_for_update().get(pk=therapist.pk)
            wait = paused_for(therapist, now=now)
            if wait:
                raise BookingsPaused(wait)
            if starts_at not in free_slots_for(therapist, now=now):
                raise SlotTaken(starts_at)
            booking = Booking(
                therapist=therapist, name=name, email=email, phone=phone, note=note,
                voicemail=voicemail, call_times=call_times,
                visitor_time_zone=visitor_time_zone, quiz_result_url=quiz_result_url,
            )  # fmt: skip
            booking.place(starts_at, rules_for(therapist), now=now)
            booking.full_clean(
                validate_constraints=False
            )  # the database has the last word
            booking.save()
            messages = [
                emails.confirmation(booking),
                emails.new_booking_for_therapist(booking),
            ]
            _queue(messages)
    except IntegrityError as error:
        # The database constraints are the last word (e.g. a server without the lock).
        raise SlotTaken(starts_at) from error
    except BookingsPaused:
        _tell_therapist_bookings_paused(therapist, now=now)
        raise
    return booking


def paused_for(therapist: Therapist, *, now: datetime) -> int | None:
    """Seconds until the site may take a new consult again, if a cap is reached."""
    caps = [
        (settings.BOOKING_SITE_LIMIT_PER_HOUR, timedelta(hours=1)),
        (settings.BOOKING_SITE_LIMIT_PER_DAY, timedelta(days=1)),
    ]
    for limit, window in caps:
        if limit <= 0:
            continue
        recent = (
            Booking.objects.filter(therapist=therapist, created_at__gt=now - window)
            .order_by("-created_at")
            .values_list("created_at", flat=True)[:limit]
        )
        if len(recent) >= limit:  # free again when the oldest of them leaves the window
            return max(60, int((recent[limit - 1] + window - now).total_seconds()))
    return None


def _tell_therapist_bookings_paused(therapist: Therapist, *, now: datetime) -> None:
    """One email an hour at most, however many requests a bot sends meanwhile."""
    if retry_after("bookings-paused-notice", str(therapist.pk), (1, 3600)) is None:
        _queue([emails.bookings_paused(therapist, now=now)])


def cancel_booking(
    *,
    booking_id: int,
    sequence: int | None = None,
    now: datetime | None = None,
    by_practice: bool = False,
) -> Booking:
    """Cancel a confirmed consult and tell both sides. `sequence` guards stale links;
    `by_practice` says the practice cancelled (from the admin), not the client."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = _locked_current(booking_id, sequence, now)
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = now
        booking.sequence += 1  # calendars apply a CANCEL only with a higher SEQUENCE
        booking.save(update_fields=["status", "cancelled_at", "sequence"])
        _queue(
            [
                emails.cancellation(booking, by_practice=by_practice),
                emails.cancellation_for_therapist(booking),
            ],
            replacing_those_of=booking,
        )
    return booking


def reschedule_booking(
    *, booking_id: int, sequence: int, starts_at: datetime, now: datetime | None = None
) -> Booking:
    """Move a consult to another free time: same UID, next SEQUENCE, both sides told."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            current = Booking.objects.select_related("therapist").get(pk=booking_id)
            # Same lock as booking: a move and a new booking cannot both take one time.
            therapist = Therapist.objects.select_for_update().get(
                pk=current.therapist_id
            )
            booking = _locked_current(booking_id, sequence, now)
            if starts_at == booking.starts_at:  # the time it already has: nothing to do
                return booking
            if starts_at not in free_slots_for(therapist, now=now, ignoring=booking):
                raise SlotTaken(starts_at)
            previous = booking.starts_at
            booking.place(starts_at, rules_for(therapist), now=now)
            booking.sequence += 1
            booking.save(
                update_fields=[
                    "starts_at", "ends_at", "blocked_until", "sequence", "reminder_sent_at",
                ]
            )  # fmt: skip
            _queue(
                [
                    emails.rescheduled(booking, previous),
                    emails.rescheduled_for_therapist(booking, previous),
                ],
                replacing_those_of=booking,
            )
    except IntegrityError as error:
        raise SlotTaken(starts_at) from error
    except Booking.DoesNotExist as error:
        raise LinkNoLongerValid from error
    return booking


def current_booking(booking_id: int, sequence: int, now: datetime | None) -> Booking:
    """The booking a link points to, if the link still applies; else LinkNoLongerValid.

    With `now`, a consult that has already started no longer counts as current.
    """
    booking = Booking.objects.select_related("therapist").filter(pk=booking_id).first()
    if booking is None or why_link_fails(booking, sequence, now):
        raise LinkNoLongerValid
    return booking


def why_link_fails(
    booking: Booking | None, sequence: int | None, now: datetime | None
) -> str | None:
    """Why a link to this booking no longer applies ("unknown", "cancelled", "moved",
    "past"), or None while it does. The one place this rule is written.

    A link carries the booking's sequence: moving the consult makes older links stale.
    Without `now`, a consult that has started still counts (its confirmation page)."""
    if booking is None:
        return "unknown"
    if not booking.is_confirmed:
        return "cancelled"
    if sequence is not None and booking.sequence != sequence:
        return "moved"
    if now is not None and booking.starts_at <= now:
        return "past"
    return None


def _locked_current(booking_id: int, sequence: int | None, now: datetime) -> Booking:
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("therapist")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None or why_link_fails(booking, sequence, now):
        raise LinkNoLongerValid
    return booking


def _queue(messages, *, replacing_those_of: Booking | None = None) -> None:
    """Write the messages to the outbox, to be sent once committed.

    A change to a booking makes whatever was still waiting about it (a confirmation, a
    reminder for the old time) out of date: a message being sent at this moment is
    locked, and this waits for it rather than racing it."""
    if replacing_those_of is not None:
        replacing_those_of.emails.filter(status=OutgoingEmail.Status.PENDING).update(
            status=OutgoingEmail.Status.OUT_OF_DATE
        )
    tasks.send_once_committed(messages)
