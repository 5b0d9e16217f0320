"""Booking, cancelling and moving consults, against the database's own guarantees."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction

from booking.models import Booking, OutgoingEmail, TimeOff
from booking.services import (
    LinkNoLongerValid,
    SlotTaken,
    book_consult,
    cancel_booking,
    reschedule_booking,
)

from .conftest import MONDAY_10AM, NOW, free, make_booking

pytestmark = pytest.mark.django_db


def test_fresh_installs_offer_times_at_once(shikha):
    assert MONDAY_10AM in free(shikha)
    assert len([s for s in free(shikha) if s.date() == MONDAY_10AM.date()]) == 12


def test_booking_a_free_time_confirms_it_and_writes_both_emails(shikha):
    booking = make_booking(shikha)
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.ends_at - booking.starts_at == timedelta(minutes=20)
    assert booking.blocked_until - booking.ends_at == timedelta(minutes=10)
    kinds = set(booking.emails.values_list("kind", "to"))
    assert kinds == {
        ("confirmation", "alice@example.org"),
        ("new-booking", shikha.email),
    }


def test_it_refuses_a_time_already_booked(shikha):
    make_booking(shikha)
    with pytest.raises(SlotTaken):
        make_booking(shikha, email="carol@example.org")
    assert Booking.objects.count() == 1


def test_it_refuses_a_time_never_offered(shikha):
    with pytest.raises(SlotTaken):
        make_booking(shikha, starts_at=MONDAY_10AM + timedelta(minutes=5))


def test_it_refuses_a_time_during_time_off(shikha):
    TimeOff.objects.create(
        therapist=shikha, first_day=MONDAY_10AM.date(), last_day=MONDAY_10AM.date()
    )
    with pytest.raises(SlotTaken):
        make_booking(shikha)


def test_it_refuses_when_the_therapist_is_not_accepting_consults(shikha):
    shikha.accepting_consults = False
    shikha.save()
    assert free(shikha) == []
    with pytest.raises(SlotTaken):
        make_booking(shikha)


def test_a_booked_time_disappears_from_the_free_times(shikha):
    make_booking(shikha)
    assert MONDAY_10AM not in free(shikha)
    assert MONDAY_10AM + timedelta(minutes=30) in free(shikha)


def test_the_database_refuses_two_confirmed_bookings_at_one_time(shikha):
    booking = make_booking(shikha)
    twin = Booking(therapist=shikha, name="B", email="b@example.org", phone="1")
    twin.place(booking.starts_at, booking.therapist.booking_settings.rules(), now=NOW)
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the exclusion constraint is PostgreSQL's"
)
def test_postgresql_refuses_overlapping_consults_even_at_different_start_times(shikha):
    booking = make_booking(shikha)
    overlapping = Booking(therapist=shikha, name="B", email="b@example.org", phone="1")
    overlapping.place(
        booking.starts_at + timedelta(minutes=25),
        shikha.booking_settings.rules(),
        now=NOW,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        overlapping.save()


def test_a_cancelled_time_can_be_booked_again(shikha):
    booking = make_booking(shikha)
    cancel_booking(booking_id=booking.pk, now=NOW)
    again = make_booking(shikha, email="carol@example.org")
    assert again.starts_at == booking.starts_at


def test_cancelling_tells_both_sides_and_frees_the_slot(shikha):
    booking = make_booking(shikha)
    cancel_booking(booking_id=booking.pk, sequence=0, now=NOW)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert booking.cancelled_at == NOW
    assert MONDAY_10AM in free(shikha)
    assert set(booking.emails.values_list("kind", flat=True)) >= {
        "cancelled",
        "cancelled-therapist",
    }


def test_cancelling_twice_is_refused_kindly(shikha):
    booking = make_booking(shikha)
    cancel_booking(booking_id=booking.pk, now=NOW)
    with pytest.raises(LinkNoLongerValid):
        cancel_booking(booking_id=booking.pk, now=NOW)


def test_rescheduling_keeps_the_uid_and_raises_the_sequence(shikha):
    booking = make_booking(shikha)
    new_time = MONDAY_10AM + timedelta(days=1, hours=3)
    moved = reschedule_booking(
        booking_id=booking.pk, sequence=0, starts_at=new_time, now=NOW
    )
    assert (moved.uid, moved.sequence, moved.starts_at) == (booking.uid, 1, new_time)
    assert MONDAY_10AM in free(shikha)
    assert new_time not in free(shikha)
    assert OutgoingEmail.objects.filter(
        booking=booking, kind="rescheduled", sequence=1
    ).exists()


def test_rescheduling_may_move_a_consult_by_half_an_hour_into_its_own_buffer(shikha):
    booking = make_booking(shikha)
    later = MONDAY_10AM + timedelta(minutes=30)
    assert (
        reschedule_booking(
            booking_id=booking.pk, sequence=0, starts_at=later, now=NOW
        ).starts_at
        == later
    )


def test_an_old_link_cannot_reschedule_again(shikha):
    booking = make_booking(shikha)
    reschedule_booking(
        booking_id=booking.pk,
        sequence=0,
        starts_at=MONDAY_10AM + timedelta(hours=1),
        now=NOW,
    )
    with pytest.raises(LinkNoLongerValid):
        reschedule_booking(
            booking_id=booking.pk,
            sequence=0,
            starts_at=MONDAY_10AM + timedelta(hours=3),
            now=NOW,
        )


def test_rescheduling_onto_a_taken_time_is_refused(shikha):
    booking = make_booking(shikha)
    other = make_booking(
        shikha, starts_at=MONDAY_10AM + timedelta(hours=1), email="c@example.org"
    )
    with pytest.raises(SlotTaken):
        reschedule_booking(
            booking_id=booking.pk, sequence=0, starts_at=other.starts_at, now=NOW
        )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers by locking the whole file; the race is PostgreSQL's",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_people_racing_for_one_time_get_exactly_one_booking():
    from attachment.models import Therapist

    shikha = Therapist.objects.get(slug="shikha")
    threads = 20
    barrier = threading.Barrier(threads)
    outcomes: list[str] = []

    def attempt(n: int) -> None:
        try:
            barrier.wait()
            book_consult(
                therapist=shikha, starts_at=MONDAY_10AM, name=f"Person {n}",
                email=f"p{n}@example.org", phone="905 555 0101", now=NOW,
            )  # fmt: skip
            outcomes.append("booked")
        except SlotTaken:
            outcomes.append("taken")
        except Exception as error:  # pragma: no cover - shows up in the assert
            outcomes.append(repr(error))
        finally:
            connection.close()

    workers = [threading.Thread(target=attempt, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(outcomes) == ["booked"] + ["taken"] * (threads - 1)
    assert Booking.objects.filter(starts_at=MONDAY_10AM).count() == 1
