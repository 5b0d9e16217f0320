"""The cache is a help, never a dependency: Redis down means slower pages, not broken ones;
and a rate-limit count lasts its whole window whichever cache the site uses."""

from __future__ import annotations

import os
import socket
from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from core.ratelimit import retry_after

from .test_settings import PRODUCTION, manage

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def redis_cache(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "core.cache_backends.ForgivingRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def a_closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nobody listens once the probe closes


def test_with_redis_down_every_page_and_form_still_works(settings, caplog):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{a_closed_port()}/0")
    client = Client()
    for url in ["/", "/faq/", "/articles/", "/quiz/", "/book/"]:
        assert client.get(url).status_code == 200, url
    answers = {f"item-{n}": "4" for n in range(1, 10)} | {"about": "partner"}
    assert client.post("/quiz/ecr-rs/", answers).status_code == 303
    assert "Redis is not answering" in caplog.text


def test_with_redis_up_pages_come_from_it(settings):
    settings.CACHES = redis_cache(REDIS_TEST_URL)
    from django.core.cache import cache

    if not cache.set("probe", 1) and cache.get("probe") != 1:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test Redis, but {REDIS_TEST_URL} does not answer")
        pytest.skip(f"no Redis at {REDIS_TEST_URL}")
    cache.clear()
    client = Client()
    assert client.get("/faq/")["X-Cache"] == "miss"
    assert client.get("/faq/")["X-Cache"] == "hit"
    cache.clear()


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.filebased.FileBasedCache",
        "django.core.cache.backends.locmem.LocMemCache",
    ],
)
def test_a_count_lasts_its_whole_window(settings, tmp_path, backend):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path)}}
    hour = (2, 3600)
    with time_machine.travel("2026-12-01 10:00:00Z", tick=False) as clock:
        assert retry_after("quiz-score", "203.0.113.7", hour) is None
        assert retry_after("quiz-score", "203.0.113.7", hour) is None
        clock.shift(timedelta(minutes=10))  # past the file cache's default 5 minutes
        assert retry_after("quiz-score", "203.0.113.7", hour) == 50 * 60


def test_a_load_balancer_checking_over_plain_http_gets_an_answer_not_a_redirect():
    code = (
        "from django.test import Client; "
        "r = Client().get('/healthz', HTTP_HOST='thetherapeuticway.ca'); "
        "print(r.status_code)"
    )
    result = manage("shell", "-c", code, env={**PRODUCTION})
    # Its own answer (503 there: that process has no migrated database), never a 301.
    assert result.stdout.strip().splitlines()[-1] in {"200", "503"}, result.stderr
