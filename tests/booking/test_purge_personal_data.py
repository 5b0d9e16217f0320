from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from booking.models import Booking, OutgoingEmail
from core.models import RateCount
from core.ratelimit import retry_after

from .conftest import MONDAY_10AM, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

NO_COUNTS = "Deleted 0 rate-limit counts whose window is over.\n"


def purge() -> str:
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def test_it_deletes_old_consults_and_sent_mail_and_is_safe_to_run_twice(shikha, clock):
    old = make_booking(shikha)
    recent = make_booking(
        shikha, starts_at=MONDAY_10AM + timedelta(days=7), email="r@example.org"
    )
    OutgoingEmail.objects.update(status="sent")
    clock.shift(timedelta(days=91))
    # A recent consult, moved well into the future so it is still within the period.
    Booking.objects.filter(pk=recent.pk).update(
        starts_at=MONDAY_10AM + timedelta(days=100),
        ends_at=MONDAY_10AM + timedelta(days=100, minutes=20),
        blocked_until=MONDAY_10AM + timedelta(days=100, minutes=30),
    )
    assert (
        purge() == "Deleted 1 bookings and 4 emails older than 90 days.\n" + NO_COUNTS
    )
    assert list(Booking.objects.all()) == [recent]
    assert not Booking.objects.filter(pk=old.pk).exists()
    assert (
        purge() == "Deleted 0 bookings and 0 emails older than 90 days.\n" + NO_COUNTS
    )


def test_it_keeps_everything_within_the_retention_period(shikha, clock):
    make_booking(shikha)
    clock.shift(timedelta(days=89))
    assert purge().startswith("Deleted 0 bookings and 0 emails")


def test_old_mail_held_back_as_out_of_date_goes_but_mail_still_waiting_stays(
    shikha, clock
):
    booking = make_booking(shikha)
    confirmation = booking.emails.get(kind="confirmation")
    confirmation.status = "superseded"
    confirmation.save()  # the therapist's notification is still pending
    clock.shift(timedelta(days=91))
    Booking.objects.filter(pk=booking.pk).update(  # a consult still to come
        starts_at=MONDAY_10AM + timedelta(days=100),
        ends_at=MONDAY_10AM + timedelta(days=100, minutes=20),
        blocked_until=MONDAY_10AM + timedelta(days=100, minutes=30),
    )
    assert (
        purge() == "Deleted 0 bookings and 1 emails older than 90 days.\n" + NO_COUNTS
    )
    assert list(booking.emails.values_list("kind", flat=True)) == ["new-booking"]


def test_it_forgets_rate_limit_counts_once_their_window_is_over(clock):
    assert retry_after("quiz-score", "203.0.113.7", (30, 3600)) is None
    assert purge().endswith(NO_COUNTS)  # still counting: kept
    clock.shift(timedelta(hours=1, seconds=1))
    assert purge().endswith("Deleted 1 rate-limit counts whose window is over.\n")
    assert not RateCount.objects.exists()
