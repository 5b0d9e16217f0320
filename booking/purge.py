"""Forgetting consults once the retention period is over: in batches, set by set.

Each batch is one transaction of statements whose work does not depend on the table's
size: the oldest BATCH consults that ended before the cutoff are picked by a subquery
over the (ends_at, id) index (no list of ids travels to the database), their emails go,
then they do. A run that is stopped keeps every batch it finished, and the next run
goes on from there.

The consults are deleted in SQL, not through the ORM's delete(): that one loads every
row to send a post_delete signal for each, and each signal wrote the cache twice (9.2 of
11 s in a profile of 50,000 consults). Nothing cached depends on a consult that ended
months ago: the free times read only consults that are not over.

On PostgreSQL the batch is handed over as `= ANY(ARRAY(subquery))`: with `IN
(subquery)` the planner joins the batch against a scan of the whole table, every batch
(a hash semi join over 200,000 emails: 293 ms for 5,000 consults). With the array it
looks each row up in the index; a batch of 5,000 consults and their 10,000 emails, with
100,000 consults and 200,000 emails in the tables:

    Delete on booking_outgoingemail  (actual time=47 ms)
      InitPlan 1
        ->  Limit
              ->  Index Only Scan using booking_ends_idx on booking_booking
                    Index Cond: (ends_at < ...)
      ->  Index Scan using booking_outgoingemail_booking_id_244d671d
            Index Cond: (booking_id = ANY ($0))
    Delete on booking_booking  (actual time=23 ms)
      ->  Index Scan using booking_booking_pkey on booking_booking
            Index Cond: (id = ANY ($0))
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import connection, transaction

from booking.models import Booking, OutgoingEmail

BATCH = 5_000

# The one relation to a consult: the emails about it. A new model pointing at Booking
# must be deleted here too (tests/booking/test_purge_personal_data.py checks the list).
HANDLED_RELATIONS = {(OutgoingEmail, "booking")}

BOOKINGS = Booking._meta.db_table
EMAILS = OutgoingEmail._meta.db_table

# The oldest consults that ended before the cutoff.
_OLD_CONSULTS = f"""
    SELECT id FROM {BOOKINGS}
    WHERE ends_at < %(cutoff)s ORDER BY ends_at, id LIMIT %(batch)s
"""
# The oldest emails written before the cutoff that are not waiting to go.
_OLD_MAIL = f"""
    SELECT id FROM {EMAILS}
    WHERE created_at < %(cutoff)s AND status <> %(pending)s
    ORDER BY created_at, id LIMIT %(batch)s
"""


def _among(subquery: str) -> str:
    if connection.vendor == "postgresql":
        return f"= ANY(ARRAY({subquery}))"
    return f"IN ({subquery})"


def forget_consults(*, cutoff: datetime, batch: int = BATCH) -> tuple[int, int]:
    """Delete consults that ended before the cutoff, with their emails; return the
    numbers of (consults, emails) deleted."""
    consults = emails = 0
    params: dict[str, Any] = {"cutoff": cutoff, "batch": batch}
    while True:
        # Both statements pick the same batch: in one transaction, and no consult that
        # ended months ago is being written meanwhile.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {EMAILS} WHERE booking_id {_among(_OLD_CONSULTS)}",
                params,
            )
            emails += cursor.rowcount
            cursor.execute(
                f"DELETE FROM {BOOKINGS} WHERE id {_among(_OLD_CONSULTS)}", params
            )
            done = cursor.rowcount
        consults += done
        if done < batch:
            return consults, emails


def forget_sent_mail(*, cutoff: datetime, batch: int = BATCH) -> int:
    """Delete emails written before the cutoff that are not waiting to go (sent, out
    of date, or refused for good); return how many."""
    deleted = 0
    params: dict[str, Any] = {
        "cutoff": cutoff,
        "batch": batch,
        "pending": OutgoingEmail.Status.PENDING,
    }
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {EMAILS} WHERE id {_among(_OLD_MAIL)}", params)
            done = cursor.rowcount
        deleted += done
        if done < batch:
            return deleted
