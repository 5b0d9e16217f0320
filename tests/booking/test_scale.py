"""What keeps the admin's lists, send_outbox and the purge flat as the years add up.

Timings live in bench/scale.sh; these pin the causes: the same number of queries
whatever the size, and the plans PostgreSQL picks reading the indexes made for them, at
a size where it would otherwise read the whole table. Rows are made in bulk by the
benchmark's own seeder, then ANALYZE gives the planner their real numbers.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from attachment.models import Therapist
from bench.scale_seed import seed_consults, seed_outbox
from booking.models import Booking, OutgoingEmail
from booking.outbox import send_due
from booking.purge import HANDLED_RELATIONS, forget_consults, forget_sent_mail
from booking.services import free_slots_for
from tests.plans import plans_of, settle_trigram_indexes

pytestmark = pytest.mark.django_db


@pytest.fixture
def shikha(db) -> Therapist:
    return Therapist.objects.get(slug="shikha")


def admin_queries(client, url: str) -> int:
    client.get(url)  # sessions, content types and the like, once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


LISTS = [
    "/admin/booking/booking/",
    "/admin/booking/booking/?when=past",
    "/admin/booking/booking/?when=all&p=3",
    "/admin/booking/booking/?q=client1",
    "/admin/booking/outgoingemail/",
    "/admin/booking/outgoingemail/?status=sent",
]


@pytest.mark.parametrize("url", LISTS)
def test_the_admin_lists_make_as_many_queries_with_3000_consults_as_with_300(
    admin_client, url
):
    seed_consults(300)
    few = admin_queries(admin_client, url)
    seed_consults(2_700, first=300)
    assert admin_queries(admin_client, url) == few


def test_the_consult_lists_read_the_end_time_index_instead_of_sorting_the_table(
    admin_client,
):
    seed_consults(10_000)
    for when in ("upcoming", "past", "all"):
        url = f"/admin/booking/booking/?when={when}"
        plans = plans_of(lambda url=url: admin_client.get(url))
        # The page's rows (the count may rightly read most of the table in one scan).
        consults = [
            p
            for p in plans
            if re.search(r"on booking_booking\b", p) and "Aggregate" not in p
        ]
        assert consults and all("booking_ends_idx" in p for p in consults), consults
        assert not any("Sort" in p for p in consults), consults


def test_a_claim_reads_the_index_of_pending_mail_not_the_sent_mail(settings):
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    }
    seed_consults(10_000)  # 20,000 sent emails
    seed_outbox(20)
    plans = plans_of(lambda: send_due(now=timezone.now()))
    claims = [p for p in plans if "LockRows" in p]
    assert len(claims) == 21  # 20 messages, then the claim that finds none
    assert all("booking_outgoing_due_idx" in p for p in claims), claims[0]
    assert not any("Seq Scan" in p for p in claims), claims[0]
    assert OutgoingEmail.objects.filter(status="pending").count() == 0


def test_the_purge_looks_its_rows_up_in_indexes_batch_by_batch():
    seed_consults(10_000)
    cutoff = timezone.now() - timedelta(days=90)
    plans = plans_of(lambda: forget_consults(cutoff=cutoff, batch=2_000))
    plans += plans_of(lambda: forget_sent_mail(cutoff=cutoff, batch=2_000))
    assert plans and not any("Seq Scan" in p for p in plans), plans[0]
    assert all("booking_ends_idx" in p for p in plans[:2]), plans[0]
    assert not Booking.objects.filter(ends_at__lt=cutoff).exists()


def test_the_purge_deletes_every_kind_of_row_that_points_at_a_consult():
    pointing = {
        (relation.related_model, relation.field.name)
        for relation in Booking._meta.related_objects
    }
    assert pointing == HANDLED_RELATIONS, (
        "booking/purge.py deletes consults in SQL: delete the new relation's rows there"
    )


def test_the_booking_page_reads_only_the_consults_not_over_yet(shikha):
    seed_consults(10_000)
    plans = plans_of(lambda: free_slots_for(shikha, now=timezone.now()))
    busy = [p for p in plans if re.search(r"on booking_booking\b", p)]
    assert busy and all("booking_busy_idx" in p for p in busy), busy


@pytest.mark.parametrize(
    ("url", "table", "indexes"),
    [
        ("/admin/booking/booking/?when=all&q=client7777", "booking_booking", ("booking_name_trgm_idx", "booking_email_prefix_idx")),
        ("/admin/booking/outgoingemail/?q=client7777", "booking_outgoingemail", ("booking_outbox_subject_trgm_idx", "booking_outbox_to_prefix_idx")),
    ],
)  # fmt: skip
def test_the_admin_searches_read_their_indexes_not_the_table(
    admin_client, url, table, indexes
):
    seed_consults(10_000)  # and 20,000 emails
    settle_trigram_indexes(table)
    plans = [p for p in plans_of(lambda: admin_client.get(url)) if f"on {table}" in p]
    assert plans and all(all(index in p for index in indexes) for p in plans), plans
    assert not any(f"Seq Scan on {table}" in p for p in plans), plans
