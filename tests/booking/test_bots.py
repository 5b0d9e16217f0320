"""A booking needs a person, not an address: a bot with one page and many addresses
cannot empty the calendar, and nothing it sends can push a limit out of the way."""

from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import Client

from booking.forms import slot_value
from booking.models import Booking, OutgoingEmail
from core.ratelimit import email_identity
from tests.booking.conftest import form_data, free
from tests.security.helpers import finish_quiz

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "quick_forms")]

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def behind_proxy(settings):
    """The proxy tells us the address (as deploy/ sets it up); the bot picks any."""
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.BOOKING_RATE_LIMIT = (5, 3600)


@pytest.fixture
def caps(settings, behind_proxy):
    settings.BOOKING_SITE_LIMIT_PER_HOUR = 3
    settings.BOOKING_SITE_LIMIT_PER_DAY = 5


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', html)[1]


def ipv6_in_one_64(n: int) -> str:
    return f"2001:db8:5:64::{n:x}"


def ipv4(n: int) -> str:
    return f"198.51.{n // 250}.{n % 250 + 1}"


def post_from(client: Client, address: str, **fields):
    return client.post("/book/", form_data(**fields), headers={"x-real-ip": address})


def test_one_form_load_replayed_from_many_addresses_books_once(behind_proxy, shikha):
    bot = Client(enforce_csrf_checks=True)
    page = bot.get("/book/").text
    tokens = {
        "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
        "started": hidden(page, "started"),
    }
    statuses = [
        post_from(
            bot, ipv4(n) if n % 2 else ipv6_in_one_64(n),
            slot=slot_value(start), email=f"eve+{n}@example.org", **tokens,
        ).status_code
        for n, start in enumerate(free(shikha)[:30])
    ]  # fmt: skip
    assert statuses[0] == 303
    assert set(statuses[1:]) == {400}
    assert Booking.objects.count() == 1
    replay = post_from(bot, ipv4(99), slot=slot_value(free(shikha)[40]), **tokens)
    assert "This form was already sent" in replay.text


def test_a_form_token_from_another_visitors_page_is_refused(shikha):
    bea, eve = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    beas_token = hidden(bea.get("/book/").text, "started")
    eves_page = eve.get("/book/").text
    response = eve.post(
        "/book/",
        form_data(
            started=beas_token,
            csrfmiddlewaretoken=hidden(eves_page, "csrfmiddlewaretoken"),
        ),
    )
    assert response.status_code == 400
    assert "Something went wrong with the form" in response.text
    assert not Booking.objects.exists()


def test_a_bot_loading_the_form_afresh_from_many_addresses_books_at_most_the_cap(
    caps, shikha
):
    statuses = []
    for n, start in enumerate(free(shikha)[:40]):
        bot = Client(enforce_csrf_checks=True)
        page = bot.get("/book/").text
        statuses.append(
            post_from(
                bot, ipv4(n) if n % 2 else f"2001:db8:{n:x}::1",
                slot=slot_value(start), email=f"bot{n}@example.org",
                csrfmiddlewaretoken=hidden(page, "csrfmiddlewaretoken"),
                started=hidden(page, "started"),
            ).status_code
        )  # fmt: skip
    assert statuses[:3] == [303, 303, 303]
    assert set(statuses[3:]) == {503}
    assert Booking.objects.count() == 3


def test_a_visitor_after_the_cap_keeps_what_they_typed_and_learns_another_way(
    caps, shikha
):
    for n, start in enumerate(free(shikha)[:3]):
        post_from(Client(), ipv4(n), slot=slot_value(start), email=f"b{n}@example.org")
    response = post_from(
        Client(), ipv4(50), slot=slot_value(free(shikha)[5]), name="Dana Roy"
    )
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "Online booking is resting for a little while" in response.text
    assert "Nothing was booked or sent" in response.text
    assert 'value="Dana Roy"' in response.text
    assert "9-8-8" in response.text


def test_the_therapist_hears_once_an_hour_when_the_cap_trips(caps, shikha, clock):
    for n, start in enumerate(free(shikha)[:8]):
        post_from(Client(), ipv4(n), slot=slot_value(start), email=f"b{n}@example.org")
    notices = OutgoingEmail.objects.filter(kind=OutgoingEmail.Kind.BOOKINGS_PAUSED)
    assert notices.count() == 1
    notice = notices.get()
    assert notice.to == shikha.email
    assert notice.booking is None
    assert "Online booking paused" in notice.subject
    assert "cancel any that look made up" in notice.body_text
    clock.shift(timedelta(hours=1, minutes=1))
    post_from(Client(), ipv4(60), slot=slot_value(free(shikha)[20]))  # booked: 4 today
    post_from(Client(), ipv4(61), slot=slot_value(free(shikha)[21]))  # booked: 5 today
    post_from(Client(), ipv4(62), slot=slot_value(free(shikha)[22]))  # the day's cap
    assert notices.count() == 2


def test_the_daily_cap_holds_when_the_bot_spreads_over_hours(caps, shikha, clock):
    statuses = []
    for n, start in enumerate(free(shikha)[:7]):
        clock.shift(timedelta(hours=1, minutes=1))  # never more than one an hour
        statuses.append(
            post_from(
                Client(), ipv4(n), slot=slot_value(start), email=f"b{n}@example.org"
            ).status_code
        )
    assert statuses == [303] * 5 + [503] * 2


def test_addresses_in_one_ipv6_64_share_one_limit(behind_proxy, shikha):
    statuses = [
        post_from(
            Client(), ipv6_in_one_64(n * 7919),
            slot=slot_value(start), email=f"v{n}@example.org",
        ).status_code
        for n, start in enumerate(free(shikha)[:7])
    ]  # fmt: skip
    assert statuses == [303] * 5 + [429] * 2
    next_64 = post_from(Client(), "2001:db8:5:65::1", slot=slot_value(free(shikha)[0]))
    assert next_64.status_code == 303


def test_an_ipv4_address_written_as_ipv6_shares_its_limit(behind_proxy, shikha):
    for n, start in enumerate(free(shikha)[:5]):
        post_from(Client(), "198.51.100.7", slot=slot_value(start), email=f"{n}@a.org")
    mapped = post_from(
        Client(), "::ffff:198.51.100.7", slot=slot_value(free(shikha)[9])
    )
    assert mapped.status_code == 429


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ann.Lee@Example.org", "ann.lee@example.org"),
        ("ann.lee+consult@example.org", "ann.lee+again@example.org"),
        ("ann.lee@gmail.com", "a.n.n.l.e.e+1@googlemail.com"),
    ],
)
def test_one_mailbox_written_two_ways_shares_one_limit(
    behind_proxy, settings, shikha, first, second
):
    settings.BOOKING_RATE_LIMIT = (1, 3600)
    assert post_from(Client(), ipv4(1), email=first).status_code == 303
    again = post_from(Client(), ipv4(2), email=second, slot=slot_value(free(shikha)[3]))
    assert again.status_code == 429


def test_dots_count_only_where_the_provider_ignores_them():
    assert email_identity("Ann.Lee+x@GMail.com") == "annlee@gmail.com"
    assert email_identity("ann.lee+x@example.org") == "ann.lee@example.org"


def flood_the_cache(client: Client, requests: int) -> None:
    for n in range(requests):
        client.get(f"/articles/?page={n + 2}")  # no such pages: 404, never stored
        client.get(f"/faq/?utm_source={n}")  # not a list: served, never stored


def limited_visitor_after_a_flood(settings) -> int:
    settings.QUIZ_RATE_LIMIT = (1, 3600)
    visitor = Client(REMOTE_ADDR="203.0.113.77")
    assert finish_quiz(visitor).status_code == 303
    assert finish_quiz(visitor).status_code == 429
    # 500 requests: ten times the file cache's MAX_ENTRIES below, and 25 times the
    # entries the Redis test allows, were each of them stored.
    flood_the_cache(Client(REMOTE_ADDR="192.0.2.200"), 250)
    return finish_quiz(visitor).status_code


def test_a_cache_flood_leaves_a_limited_visitor_limited_on_the_file_cache(
    settings, tmp_path
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
            "OPTIONS": {"MAX_ENTRIES": 50},
        }
    }
    assert limited_visitor_after_a_flood(settings) == 429
    assert len(list(tmp_path.iterdir())) < 20  # the flood stored nothing of its own


def test_a_cache_flood_leaves_a_limited_visitor_limited_on_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.ForgivingRedisCache",
            "LOCATION": REDIS_TEST_URL,
        }
    }
    cache = caches["default"]
    cache.set("probe", 1)
    if cache.get("probe") != 1:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test Redis, but {REDIS_TEST_URL} does not answer")
        pytest.skip(f"no Redis at {REDIS_TEST_URL}")
    cache.clear()
    assert limited_visitor_after_a_flood(settings) == 429
    redis = cache._cache.get_client()
    assert redis.dbsize() < 20
    cache.clear()


@pytest.mark.parametrize("path", ["/?page=%C2%B2", "/faq/?page=2", "/about/?x=1"])
def test_pages_that_are_not_lists_are_served_but_not_stored_for_a_query(path):
    response = Client().get(path)
    assert response.status_code == 200
    assert "X-Cache" not in response


@pytest.mark.parametrize("page", ["%C2%B2", "%D9%A3", "9999", "0", "abc"])
def test_a_list_page_that_does_not_exist_is_a_404_never_stored(page):
    response = Client().get(f"/articles/?page={page}")
    assert response.status_code == 404
    assert "X-Cache" not in response
