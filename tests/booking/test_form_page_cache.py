"""The booking page is rendered once a minute per zone and day; each visitor still gets
their own CSRF token and form-start time, a new booking shows at once, and no address
can fill the cache with copies."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from booking import views
from booking.forms import slot_value
from booking.models import Booking

from .conftest import MONDAY_10AM, form_data, free, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', html)[1]


@pytest.fixture
def renders(monkeypatch) -> list[int]:
    """Grows by one each time the booking page is rendered rather than served as cached."""
    counted: list[int] = []
    real_page = views._page

    def counting_page(*args, **kwargs):
        counted.append(1)
        return real_page(*args, **kwargs)

    monkeypatch.setattr(views, "_page", counting_page)
    return counted


def test_a_second_visit_is_not_rendered_again(client: Client, renders):
    client.get("/book/")
    response = client.get("/book/")
    assert renders == [1]
    assert slot_value(MONDAY_10AM) in response.text
    client.get("/book/?tz=America/Vancouver")  # another zone is another page
    assert renders == [1, 1]


def test_days_without_free_times_share_one_copy_of_the_page(client: Client, renders):
    for day in ("2031-01-01", "1999-12-31", "2026-11-29", "not-a-day"):
        page = client.get(f"/book/?day={day}")
        assert slot_value(MONDAY_10AM) in page.text  # the first free day, Monday
    assert renders == [1]
    client.get("/book/?day=2026-12-01")  # a day with free times is its own page
    assert renders == [1, 1]


def test_each_visitor_gets_their_own_tokens_and_can_book():
    alice, bea = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    alice_page, bea_page = alice.get("/book/").text, bea.get("/book/").text
    assert "placeholder" not in alice_page
    assert hidden(alice_page, "csrfmiddlewaretoken") != hidden(
        bea_page, "csrfmiddlewaretoken"
    )

    data = form_data(
        csrfmiddlewaretoken=hidden(bea_page, "csrfmiddlewaretoken"),
        started=hidden(bea_page, "started"),
    )
    assert bea.post("/book/", data).status_code == 303
    assert Booking.objects.get().email == "alice@example.org"


def test_a_time_just_booked_leaves_the_page_at_once(client: Client, shikha):
    assert slot_value(MONDAY_10AM) in client.get("/book/").text
    make_booking(shikha)
    assert slot_value(MONDAY_10AM) not in client.get("/book/").text


def test_the_page_costs_the_same_queries_however_many_consults_are_booked(
    client: Client, shikha
):
    def queries_for_a_fresh_page() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/book/").status_code == 200
        return len(queries)

    empty = queries_for_a_fresh_page()
    for start in free(shikha)[:20]:
        make_booking(shikha, starts_at=start, email=f"{start:%d%H%M}@example.org")
    assert queries_for_a_fresh_page() == empty
