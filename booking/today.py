"""What booking adds to the admin's "Today": the coming week's consults, and the emails
that did not go out (core.today, core.notices)."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from booking.models import Booking, OutgoingEmail
from booking.zones import PRACTICE_ZONE, describe_time
from core.notices import Notice

DAYS_AHEAD = 7
# A busy week is about 30 consults; past this the panel links to the full list instead.
MOST_SHOWN = 60
# A message still waiting this long has been retried several times (core backoff).
OVERDUE_AFTER = timedelta(minutes=30)
# A failed email is news for a month; after that it only sits in the outbox's list.
FAILED_NEWS_FOR = timedelta(days=30)


def consults_context(request: HttpRequest, now: datetime | None = None) -> dict:
    """Today's and the next seven days' confirmed consults, grouped by Toronto day."""
    zone = ZoneInfo(PRACTICE_ZONE)
    today = (now or timezone.now()).astimezone(zone).date()
    start = datetime.combine(today, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(
        today + timedelta(days=DAYS_AHEAD + 1), datetime.min.time(), tzinfo=zone
    )
    consults = list(
        Booking.objects.confirmed()
        .filter(starts_at__gte=start, starts_at__lt=end)
        .only("pk", "name", "starts_at")
        .order_by("starts_at")[: MOST_SHOWN + 1]
    )
    more = len(consults) > MOST_SHOWN
    days = []
    for day, group in groupby(
        consults[:MOST_SHOWN], key=lambda b: b.starts_at.astimezone(zone).date()
    ):
        days.append(
            {
                "label": _day_label(day, today),
                "consults": [
                    {
                        "time": describe_time(booking.starts_at, PRACTICE_ZONE),
                        "name": booking.name,
                        "url": reverse(
                            "admin:booking_booking_change", args=[booking.pk]
                        ),
                    }
                    for booking in group
                ],
            }
        )
    return {
        "days": days,
        "more": more,
        "all_url": reverse("admin:booking_booking_changelist") + "?when=upcoming",
    }


def _day_label(day, today) -> str:
    date = formats.date_format(day, "l, F j")
    if day == today:
        return _("Today, %(date)s") % {"date": date}
    if day == today + timedelta(days=1):
        return _("Tomorrow, %(date)s") % {"date": date}
    return date


def email_notices(now: datetime | None = None) -> list[Notice]:
    now = now or timezone.now()
    counts = OutgoingEmail.objects.aggregate(
        failed=Count(
            "pk",
            filter=Q(
                status=OutgoingEmail.Status.FAILED,
                created_at__gte=now - FAILED_NEWS_FOR,
            ),
        ),
        overdue=Count(
            "pk",
            filter=Q(
                status=OutgoingEmail.Status.PENDING, created_at__lt=now - OVERDUE_AFTER
            ),
        ),
    )
    failed, overdue = counts["failed"], counts["overdue"]
    changelist = reverse("admin:booking_outgoingemail_changelist")
    notices = []
    if failed:
        notices.append(
            Notice(
                ngettext(
                    "%(n)d email could not be sent in the last 30 days: the address "
                    "cannot receive mail. You may want to phone the client.",
                    "%(n)d emails could not be sent in the last 30 days: the addresses "
                    "cannot receive mail. You may want to phone the clients.",
                    failed,
                )
                % {"n": failed},
                url=f"{changelist}?status={OutgoingEmail.Status.FAILED}",
                level="error",
            )
        )
    if overdue:
        notices.append(
            Notice(
                ngettext(
                    "%(n)d email has been waiting to go out for over 30 minutes; the "
                    "site keeps trying. If this stays, the mail settings need a look.",
                    "%(n)d emails have been waiting to go out for over 30 minutes; the "
                    "site keeps trying. If this stays, the mail settings need a look.",
                    overdue,
                )
                % {"n": overdue},
                url=f"{changelist}?status={OutgoingEmail.Status.PENDING}",
            )
        )
    return notices
