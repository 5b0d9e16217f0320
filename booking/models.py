from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from attachment.models import Therapist
from booking import slots
from booking.zones import PRACTICE_ZONE

DISCREET_TITLE = "Appointment"


class BookingSettings(models.Model):
    therapist = models.OneToOneField(
        Therapist, models.CASCADE, related_name="booking_settings"
    )
    consult_minutes = models.PositiveSmallIntegerField(
        _("consult length (minutes)"), default=20
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("buffer between consults (minutes)"), default=10
    )
    minimum_notice_hours = models.PositiveSmallIntegerField(
        _("minimum notice (hours)"), default=12
    )
    book_ahead_days = models.PositiveSmallIntegerField(
        _("how far ahead clients may book (days)"), default=28
    )
    # Someone else may read a client's calendar or inbox: by default the title says
    # nothing about who the appointment is with or what it is for.
    discreet_title = models.CharField(
        _("title in calendar invites and email subjects"),
        max_length=60,
        default=DISCREET_TITLE,
        help_text=_(
            "What a client's calendar and inbox show, with the time. Keep it plain: "
            "anyone who sees their phone may read it."
        ),
    )

    class Meta:
        verbose_name = _("booking settings")
        verbose_name_plural = _("booking settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(consult_minutes__gte=5),
                name="booking_bookingsettings_consult_at_least_5_minutes",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Booking settings for %(name)s") % {"name": self.therapist})

    def rules(self) -> slots.Rules:
        return slots.Rules(
            consult_minutes=self.consult_minutes,
            buffer_minutes=self.buffer_minutes,
            minimum_notice_hours=self.minimum_notice_hours,
            book_ahead_days=self.book_ahead_days,
        )


class WeeklyHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    therapist = models.ForeignKey(
        Therapist, models.CASCADE, related_name="weekly_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday)
    start = models.TimeField(_("from (Toronto time)"))
    end = models.TimeField(_("until (Toronto time)"))

    class Meta:
        ordering = ["therapist", "weekday", "start"]
        verbose_name = _("weekly hours")
        verbose_name_plural = _("weekly hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")),
                name="booking_weeklyhours_start_before_end",
                violation_error_message=_("The start must be before the end."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"


class TimeOff(models.Model):
    therapist = models.ForeignKey(Therapist, models.CASCADE, related_name="time_off")
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    reason = models.CharField(_("reason (only you see it)"), max_length=200, blank=True)

    class Meta:
        ordering = ["first_day"]
        verbose_name = _("time off")
        verbose_name_plural = _("time off")
        constraints = [
            models.CheckConstraint(
                condition=Q(first_day__lte=models.F("last_day")),
                name="booking_timeoff_first_day_not_after_last",
                violation_error_message=_(
                    "The first day must not be after the last day."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_day} – {self.last_day}"


# The reminder goes out a day before each consult. One booked or moved to within a day has
# just had its confirmation (or the email about the move), which is reminder enough: it is
# marked as reminded when it is placed (Booking.place), so send_outbox only looks for
# consults within a day that have no reminder yet.
REMINDER_BEFORE = timedelta(hours=24)


def new_uid() -> str:
    return f"{uuid.uuid4()}@thetherapeuticway.ca"


class BookingQuerySet(models.QuerySet):
    def confirmed(self) -> BookingQuerySet:
        return self.filter(status=Booking.Status.CONFIRMED)


class Booking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        CANCELLED = "cancelled", _("cancelled")

    therapist = models.ForeignKey(Therapist, models.PROTECT, related_name="bookings")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    # End plus buffer, stored so that PostgreSQL's exclusion constraint can use it.
    blocked_until = models.DateTimeField(editable=False)
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40)
    note = models.TextField(_("note"), max_length=500, blank=True)

    class Voicemail(models.TextChoices):
        YES = "yes", _("yes, it is safe to leave a message")
        NO = "no", _("no, please do not leave a message")

    # How to call safely: shown to the therapist only, never in invites or client emails.
    voicemail = models.CharField(
        _("safe to leave a voicemail?"), max_length=3, choices=Voicemail, blank=True
    )
    call_times = models.CharField(_("good time to call"), max_length=200, blank=True)
    visitor_time_zone = models.CharField(
        _("client's time zone"), max_length=64, default=PRACTICE_ZONE
    )
    quiz_result_url = models.URLField(
        _("shared quiz result"), max_length=1000, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.CONFIRMED
    )
    uid = models.CharField(max_length=100, default=new_uid, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    reminder_sent_at = models.DateTimeField(
        _("reminded at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the reminder went, or, for a consult booked or moved to within a day, "
            "when that email went instead (it was reminder enough)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("consult")
        verbose_name_plural = _("consults")
        indexes = [
            # The site's caps count the consults booked in the last hour and day.
            models.Index(
                fields=["therapist", "created_at"], name="booking_created_idx"
            ),
            # Every list in the admin walks this in one direction or the other, and the
            # purge finds what has ended long ago here. With status alongside (on
            # PostgreSQL), "upcoming" and "past" are read from the index alone.
            models.Index(
                fields=["ends_at", "id"], include=["status"], name="booking_ends_idx"
            ),
            # The booking page's busy times: confirmed consults not over yet, read as a
            # range of this index. Without it, `blocked_until > now` read every consult
            # ever booked (34 ms at 50,000).
            models.Index(
                fields=["therapist", "blocked_until"],
                condition=Q(status="confirmed"),
                name="booking_busy_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["therapist", "starts_at"],
                condition=Q(status="confirmed"),
                name="booking_booking_one_per_slot",
            ),
            models.CheckConstraint(
                condition=Q(starts_at__lt=models.F("ends_at"))
                & Q(ends_at__lte=models.F("blocked_until")),
                name="booking_booking_times_in_order",
            ),
            # On PostgreSQL, migration 0003 adds booking_booking_no_overlap: an exclusion
            # constraint so that no two confirmed consults (buffers included) overlap.
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.starts_at:%Y-%m-%d %H:%M} UTC"

    def place(self, starts_at, rules: slots.Rules, *, now: datetime) -> None:
        """Put the consult at `starts_at`, booked or moved at `now`."""
        self.starts_at = starts_at
        self.ends_at = starts_at + rules.length
        self.blocked_until = self.ends_at + timedelta(minutes=rules.buffer_minutes)
        self.reminder_sent_at = now if starts_at - now < REMINDER_BEFORE else None

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def reminder_to_come(self) -> bool:
        return self.reminder_sent_at is None


class OutgoingEmail(models.Model):
    """The outbox: written with the booking change, sent after commit, retried until sent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENT = "sent", _("sent")
        # The consult was cancelled or moved before this went out: it would mislead.
        OUT_OF_DATE = "superseded", _("not sent: out of date")
        # The mail server refused the address for good, or it cannot be written into a
        # message at all: trying again would never succeed.
        FAILED = "failed", _("not sent: the address cannot receive mail")

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("confirmation to client")
        NEW_BOOKING = "new-booking", _("new consult, to therapist")
        CANCELLED = "cancelled", _("cancellation to client")
        CANCELLED_THERAPIST = "cancelled-therapist", _("cancellation to therapist")
        RESCHEDULED = "rescheduled", _("new time to client")
        RESCHEDULED_THERAPIST = "rescheduled-therapist", _("new time to therapist")
        REMINDER = "reminder", _("reminder to client")
        BOOKINGS_PAUSED = "bookings-paused", _("online booking paused, to therapist")
        CALENDAR_FAILING = (
            "calendar-failing",
            _("a calendar cannot be read, to therapist"),
        )
        SERVER_ERROR = "server-error", _("server error, to the site's admins")

    booking = models.ForeignKey(
        Booking, models.SET_NULL, null=True, blank=True, related_name="emails"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    # The booking's SEQUENCE this message is about: one reminder per booked time.
    sequence = models.PositiveIntegerField(default=0)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=200)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    ics = models.TextField(blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [
            # send_outbox claims the next due message in (next_attempt_at, id) order:
            # only the pending rows are in it, so a claim costs the same however much
            # mail has gone before, and the order is the index's own (no sort).
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=Q(status="pending"),
                name="booking_outgoing_due_idx",
            ),
            # The admin's list, newest first.
            models.Index(
                fields=["created_at", "id"], name="booking_outgoing_created_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "sequence"],
                condition=Q(kind="reminder"),
                name="booking_outgoingemail_one_reminder_per_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_status_display()}"


class CalendarFeed(models.Model):
    """One of the therapist's own calendars, read by its secret ICS address for busy times.

    The address is a secret: anyone holding it can read her whole calendar. It is shown
    in full only on the feed's own page in the admin, never in lists, logs or errors.
    """

    therapist = models.ForeignKey(
        Therapist, models.CASCADE, related_name="calendar_feeds"
    )
    label = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("For you, e.g. “Google – clients” or “iCloud – family”."),
    )
    url = models.URLField(
        _("secret calendar address"),
        max_length=2000,
        help_text=_(
            "The secret (private) iCal address of the calendar, ending in .ics. Only "
            "the start and end of each event are kept: no titles, no guests, no notes."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_synced_at = models.DateTimeField(
        _("last read"), null=True, blank=True, editable=False
    )
    # Busy times are known up to here: beyond it, no consult is offered (never "all free").
    known_until = models.DateTimeField(null=True, blank=True, editable=False)
    etag = models.CharField(max_length=200, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    error = models.CharField(_("problem"), max_length=300, blank=True, editable=False)
    error_since = models.DateTimeField(
        _("failing since"), null=True, blank=True, editable=False
    )
    failure_emailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["label"]
        verbose_name = _("your calendar (busy times)")
        verbose_name_plural = _("your calendars (busy times)")

    def __str__(self) -> str:
        return self.label

    @property
    def masked_url(self) -> str:
        """Enough of the address to tell calendars apart, not enough to read one."""
        host = urlsplit(self.url).hostname or "?"
        return f"{host}/…{self.url[-4:]}" if len(self.url) > 12 else f"{host}/…"


class BusyInterval(models.Model):
    """A time the therapist is busy, from one of her calendars: start and end, nothing
    else (no title, guests or description is ever stored)."""

    feed = models.ForeignKey(CalendarFeed, models.CASCADE, related_name="intervals")
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["end"], name="booking_busy_end_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")),
                name="booking_busyinterval_start_before_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} – {self.end:%Y-%m-%d %H:%M} UTC"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class ConsultsCalendar(models.Model):
    """The private address her own calendar app subscribes to, to show her consults."""

    therapist = models.OneToOneField(
        Therapist, models.CASCADE, related_name="consults_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    made_at = models.DateTimeField(_("address made"), auto_now=True)

    class Meta:
        verbose_name = _("your consults in your calendar")
        verbose_name_plural = _("your consults in your calendar")

    def __str__(self) -> str:
        return str(_("Consults calendar of %(name)s") % {"name": self.therapist})
