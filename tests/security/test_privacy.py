"""What the privacy page promises, checked against the database and the logs."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client

from booking import links
from booking.models import Booking
from quiz.models import ResultTally
from tests.booking.conftest import NOW, form_data
from tests.security.fuzz import row_counts
from tests.security.helpers import QUIZ, finish_quiz, quiz_answers, rows_containing

pytestmark = pytest.mark.django_db
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="searches rows as text"
)
ALICE = {
    "name": "Zelda Quimby-Fairweather",
    "email": "zelda.quimby@example.org",
    "phone": "905 555 0177",
    "note": "My partner and I keep circling the same fight.",
}


def test_finishing_the_quiz_writes_one_anonymous_tally_and_nothing_else():
    before = row_counts()
    response = finish_quiz(Client())
    assert response.status_code == 303
    after = row_counts()
    changed = {t for t in before if before[t] != after[t]}
    assert changed <= {"quiz_resulttally"}
    tally = ResultTally.objects.get()
    assert tally.count == 1
    assert {f.name for f in ResultTally._meta.fields} == {
        "id", "instrument", "style", "month", "count",
    }  # fmt: skip


def test_answering_step_by_step_writes_nothing_on_the_server():
    client = Client()
    before = row_counts()
    for n in (1, 2, 3):
        response = client.post(f"/quiz/{QUIZ}/answer/", {"item": n, "answer": 6})
        assert response.status_code == 303
    assert row_counts() == before  # the answers are in the visitor's cookie only


def test_the_finished_quiz_leaves_its_answers_nowhere():
    client = Client()
    client.post(f"/quiz/{QUIZ}/answer/", {"item": 1, "answer": 6})
    response = client.post(f"/quiz/{QUIZ}/", quiz_answers(6))
    # The cookie that held them is deleted when the result is shown.
    cookie = next(iter(response.cookies.values()))
    assert cookie.value == "" and cookie["max-age"] == 0
    assert not client.session.keys()


def book_and_cancel_as_alice(settings) -> Booking:
    settings.BOOKING_MIN_SECONDS = 0
    client = Client()
    assert client.post("/book/", form_data(**ALICE)).status_code == 303
    booking = Booking.objects.get(email=ALICE["email"])
    client.post(links.cancel_url(booking).removeprefix(links.absolute("")))
    call_command("send_outbox")
    return booking


def test_no_personal_detail_of_a_booking_reaches_the_logs(settings, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    # The paths that log the most: a mail server that refuses, a time taken twice.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    with time_machine.travel(NOW, tick=False):
        booking = book_and_cancel_as_alice(settings)
        Client().post("/book/", form_data(**ALICE))  # the same time again
        Client().post("/book/", form_data(**ALICE) | {"slot": "yesterday"})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED, "the flow really ran"
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records
    ) + "".join(capsys.readouterr())
    assert "not sent" in logged and "/book/" in logged, "the failures were logged"
    for value in [*ALICE.values(), "Quimby", "555 0177"]:
        assert value not in logged, value


@needs_postgresql
def test_purge_removes_every_trace_of_a_consult_past_the_retention_period(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 90
    with time_machine.travel(NOW, tick=False):
        book_and_cancel_as_alice(settings)
    assert rows_containing(ALICE["email"]), "the booking and its emails hold it"
    with time_machine.travel(NOW + timedelta(days=92), tick=False):
        call_command("purge_personal_data", stdout=None)
    for value in ALICE.values():
        assert rows_containing(value) == {}, value


@needs_postgresql
def test_purge_keeps_a_consult_still_within_the_retention_period(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 90
    with time_machine.travel(NOW, tick=False):
        settings.BOOKING_MIN_SECONDS = 0
        Client().post("/book/", form_data(**ALICE))
    with time_machine.travel(NOW + timedelta(days=60), tick=False):
        call_command("purge_personal_data", stdout=None)
    assert Booking.objects.filter(email=ALICE["email"]).exists()


@needs_postgresql
def test_a_shared_quiz_result_link_is_purged_with_its_booking(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 90
    settings.BOOKING_MIN_SECONDS = 0
    with time_machine.travel(NOW, tick=False):
        client = Client()
        result = finish_quiz(client)["Location"]
        token = result.rstrip("/").rsplit("/", 1)[-1]
        data = form_data(**ALICE) | {"result": token, "share_result": "on"}
        assert client.post("/book/", data).status_code == 303
    assert rows_containing(token), "the booking holds the shared link"
    with time_machine.travel(NOW + timedelta(days=92), tick=False):
        call_command("purge_personal_data", stdout=None)
    assert rows_containing(token) == {}
