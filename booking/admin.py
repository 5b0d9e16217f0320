from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from attachment.admin import TherapistAdmin
from attachment.models import Therapist
from booking.models import Booking, BookingSettings, OutgoingEmail, TimeOff, WeeklyHours
from booking.services import LinkNoLongerValid, cancel_booking
from booking.zones import PRACTICE_ZONE, describe


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
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [
            ("upcoming", _("Upcoming")),
            ("past", _("Past")),
            ("cancelled", _("Cancelled")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "upcoming":
            return queryset.confirmed().filter(ends_at__gte=now)
        if self.value() == "past":
            return queryset.confirmed().filter(ends_at__lt=now)
        if self.value() == "cancelled":
            return queryset.filter(status=Booking.Status.CANCELLED)
        return queryset


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["when", "today", "name", "email", "phone", "status"]
    list_filter = [WhenFilter, "status"]
    search_fields = ["name", "email"]
    actions = ["cancel_and_tell_the_client"]
    readonly_fields = [
        "therapist", "when", "visitor_time", "name", "email", "phone", "note",
        "quiz_result_url", "status", "created_at", "cancelled_at", "reminder_sent_at",
    ]  # fmt: skip
    fields = tuple(readonly_fields)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("therapist")

    def get_ordering(self, request: HttpRequest) -> list:
        # Upcoming consults first (soonest at the top), then past and cancelled ones.
        later = Case(
            When(
                status=Booking.Status.CONFIRMED,
                ends_at__gte=timezone.now(),
                then=Value(0),
            ),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [later.asc(), "starts_at"]

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
    search_fields = ["to", "subject"]
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
