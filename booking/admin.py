from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from attachment.admin import TherapistAdmin
from attachment.models import Therapist
from booking import busy, calendars, fetching, links
from booking.models import (
    Booking,
    BookingSettings,
    CalendarFeed,
    ConsultsCalendar,
    OutgoingEmail,
    TimeOff,
    WeeklyHours,
    new_feed_token,
)
from booking.services import LinkNoLongerValid, cancel_booking
from booking.zones import PRACTICE_ZONE, describe
from core.paging import EstimatedCountPaginator


class BookingSettingsInline(admin.StackedInline):
    model = BookingSettings
    can_delete = False


class WeeklyHoursInline(admin.TabularInline):
    model = WeeklyHours
    extra = 1


class TimeOffInline(admin.TabularInline):
    model = TimeOff
    extra = 1


# Availability is edited where the therapist already is: on her own page.
admin.site.unregister(Therapist)


@admin.register(Therapist)
class TherapistWithAvailabilityAdmin(TherapistAdmin):
    inlines = [BookingSettingsInline, WeeklyHoursInline, TimeOffInline]


class WhenFilter(admin.SimpleListFilter):
    """Upcoming consults unless she picks another list (or searches: then all of them).

    One list per choice, each in one order that the (ends_at, id) index serves by
    itself, so no page sorts the table. (Upcoming and past in one list would need an
    order by "is it still to come?", which no index can serve: at 50,000 consults every
    page sorted them all, on disk.)
    """

    title = _("when")
    parameter_name = "when"

    def __init__(self, request, params, model, model_admin):
        self.searching = bool(request.GET.get(SEARCH_VAR))
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [
            ("upcoming", _("Upcoming")),
            ("past", _("Past")),
            ("cancelled", _("Cancelled")),
            ("all", _("All")),
        ]

    def value(self) -> str:
        return super().value() or ("all" if self.searching else "upcoming")

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "upcoming":
            return queryset.confirmed().filter(ends_at__gte=now)
        if self.value() == "past":
            return queryset.confirmed().filter(ends_at__lt=now)
        if self.value() == "cancelled":
            return queryset.filter(status=Booking.Status.CANCELLED)
        return queryset


def when_chosen(request: HttpRequest) -> str:
    return request.GET.get(WhenFilter.parameter_name) or (
        "all" if request.GET.get(SEARCH_VAR) else "upcoming"
    )


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["when", "today", "name", "email", "phone", "status"]
    list_filter = [WhenFilter, "status"]
    # A trigram index serves these on PostgreSQL (migration 0010): a search for a name
    # reads the matching rows, not every consult.
    # A name anywhere in it; an email from its start, as people type one (an index
    # answers that at any size: core/search_indexes.py).
    search_fields = ["name", "^email"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    actions = ["cancel_and_tell_the_client"]
    readonly_fields = [
        "therapist", "when", "visitor_time", "name", "email", "phone", "voicemail",
        "call_times", "note", "quiz_result_url", "status", "created_at", "cancelled_at", "reminder_sent_at",
    ]  # fmt: skip
    fields = tuple(readonly_fields)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("therapist")

    def get_ordering(self, request: HttpRequest) -> list:
        # Upcoming: soonest first; the rest: latest first. By end rather than start so
        # that one index serves every list and the purge; a therapist's confirmed
        # consults never overlap, so they end in the order they start.
        if when_chosen(request) == "upcoming":
            return ["ends_at", "pk"]
        return ["-ends_at", "-pk"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # consults are booked through the site, so that the rules apply

    @admin.display(description=_("when (Toronto time)"), ordering="starts_at")
    def when(self, booking: Booking) -> str:
        return describe(booking.starts_at, PRACTICE_ZONE)

    @admin.display(description=_("client's time"))
    def visitor_time(self, booking: Booking) -> str:
        return describe(booking.starts_at, booking.visitor_time_zone)

    @admin.display(description=_("today"))
    def today(self, booking: Booking) -> str:
        local_today = timezone.localdate()
        if (
            booking.is_confirmed
            and timezone.localtime(booking.starts_at).date() == local_today
        ):
            return format_html("<strong>{}</strong>", _("★ Today"))
        return ""

    @admin.action(description=_("Cancel the selected consults and email the clients"))
    def cancel_and_tell_the_client(
        self, request: HttpRequest, queryset: QuerySet
    ) -> None:
        cancelled = skipped = 0
        for booking in queryset:
            try:
                cancel_booking(booking_id=booking.pk, by_practice=True)
                cancelled += 1
            except LinkNoLongerValid:
                skipped += 1
        if cancelled:
            self.message_user(
                request,
                _("Cancelled %(n)d consult(s); the clients are being emailed.")
                % {"n": cancelled},
            )
        if skipped:
            self.message_user(
                request,
                _(
                    "%(n)d were already cancelled or in the past, and were left as they are."
                )
                % {"n": skipped},
                messages.WARNING,
            )


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "kind",
        "to",
        "subject",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["^to", "subject"]  # as for consults: an address from its start
    # Newest first from the (created_at, id) index, one count per page.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    readonly_fields = [
        "booking",
        "kind",
        "to",
        "subject",
        "body_text",
        "ics",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]
    fields = tuple(readonly_fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class CalendarFeedForm(forms.ModelForm):
    # Text, not a URL field: calendar apps hand out webcal:// addresses, which a URL
    # field refuses; they are read as https:// (fetching.normalise).
    url = forms.CharField(
        label=CalendarFeed._meta.get_field("url").verbose_name,
        help_text=CalendarFeed._meta.get_field("url").help_text,
        max_length=2000,
        widget=forms.URLInput(attrs={"autocomplete": "off"}),
    )

    class Meta:
        model = CalendarFeed
        fields = ["therapist", "label", "url"]

    def clean_url(self) -> str:
        """Read the calendar once before saving it, so a wrong or private address is
        refused here, with the reason, rather than failing quietly later."""
        url = fetching.normalise(self.cleaned_data["url"])
        if self.instance.pk and url == self.instance.url:
            return url  # only the name changed: sync_now and the timer read it
        try:
            fetched = fetching.fetch(url, policy=calendars.policy())
            now = timezone.now()
            busy.busy_intervals(
                fetched.body or b"", start=now, end=now + timedelta(days=1),
                zone=ZoneInfo(PRACTICE_ZONE),
            )  # fmt: skip
        except (fetching.FetchError, busy.FeedError) as error:
            raise forms.ValidationError(str(error)) from error
        return url


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    form = CalendarFeedForm
    list_display = ["label", "address", "last_read", "busy_next_28_days", "problem"]
    readonly_fields = ["last_read", "busy_next_28_days", "problem", "known_until"]
    actions = ["sync_now"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("therapist")

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"therapist": Therapist.objects.order_by("pk").first()}

    def save_model(self, request, obj: CalendarFeed, form, change: bool) -> None:
        if change and "url" in form.changed_data:  # another calendar: start afresh
            obj.etag = obj.last_modified = ""
            obj.known_until = None
        super().save_model(request, obj, form, change)
        calendars.sync_feed(obj, now=timezone.now())

    @admin.display(description=_("address"))
    def address(self, feed: CalendarFeed) -> str:
        return feed.masked_url

    @admin.display(description=_("last read"), ordering="last_synced_at")
    def last_read(self, feed: CalendarFeed) -> str:
        if feed.last_synced_at is None:
            return str(_("not yet"))
        return describe(feed.last_synced_at, PRACTICE_ZONE)

    @admin.display(description=_("busy times, next 28 days"))
    def busy_next_28_days(self, feed: CalendarFeed) -> int:
        return calendars.upcoming_count(feed, now=timezone.now())

    @admin.display(description=_("problem"))
    def problem(self, feed: CalendarFeed) -> str:
        if not feed.error:
            return "—"
        since = describe(feed.error_since, PRACTICE_ZONE) if feed.error_since else ""
        return format_html(
            "<strong>{}</strong> {}",
            feed.error,
            _("(since %(when)s)") % {"when": since},
        )

    @admin.action(description=_("Read the selected calendars now"))
    def sync_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        now = timezone.now()
        for feed in queryset.select_related("therapist"):
            if calendars.sync_feed(feed, now=now):
                self.message_user(
                    request,
                    _("“%(label)s” read: %(n)d busy times in the next 28 days.")
                    % {
                        "label": feed.label,
                        "n": calendars.upcoming_count(feed, now=now),
                    },
                )
            else:
                feed.refresh_from_db()
                self.message_user(
                    request,
                    _(
                        "“%(label)s” could not be read: %(error)s Its last busy times are kept."
                    )
                    % {"label": feed.label, "error": feed.error},
                    messages.ERROR,
                )


@admin.register(ConsultsCalendar)
class ConsultsCalendarAdmin(admin.ModelAdmin):
    list_display = ["__str__", "made_at"]
    fields = ["therapist", "address"]
    readonly_fields = ["address"]
    actions = ["new_address"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not ConsultsCalendar.objects.exists()

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return ["therapist", "address"] if obj else ["address"]

    @admin.display(description=_("address to subscribe to"))
    def address(self, calendar: ConsultsCalendar) -> str:
        if not calendar.pk:
            return str(_("Shown once saved."))
        url = links.absolute(
            reverse("booking:consults-calendar", args=[calendar.token])
        )
        return format_html(
            "<code>{}</code><br>{}",
            url,
            _(
                "In your calendar app, choose “subscribe to calendar” (Google: “From "
                "URL”) and paste this address. Keep it private: anyone with it sees "
                "when your consults are. Each consult shows only as “Appointment”."
            ),
        )

    @admin.action(description=_("Make a new address (the old one stops working)"))
    def new_address(self, request: HttpRequest, queryset: QuerySet) -> None:
        for calendar in queryset:
            calendar.token = new_feed_token()
            calendar.save(update_fields=["token", "made_at"])
        self.message_user(
            request,
            _("New address made. Subscribe to it again in your calendar app."),
        )
