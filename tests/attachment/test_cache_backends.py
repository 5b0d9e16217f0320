"""The cache is a help, never a dependency: Redis down means slower pages, not broken ones;
and a rate-limit count lasts its whole window whichever cache the site uses."""

from __future__ import annotations

import os
import socket
from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from core.cache_backends import ForgivingRedisCache, SweptFileCache
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
        "core.cache_backends.SweptFileCache",
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


def swept_cache(tmp_path, max_entries: int = 1_000) -> SweptFileCache:
    return SweptFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": max_entries}})


def test_the_file_cache_does_not_list_its_folder_on_every_write(tmp_path, monkeypatch):
    files = swept_cache(tmp_path)
    listings = []
    listing = files._list_cache_files
    monkeypatch.setattr(
        files, "_list_cache_files", lambda: listings.append(1) or listing()
    )
    for n in range(SweptFileCache.SWEEP_EVERY - 1):
        files.set(f"page-{n}", "x", 60)
    assert listings == []
    files.set("one-more", "x", 60)
    assert listings == [1]


def test_a_sweep_deletes_expired_entries_then_the_oldest_beyond_the_limit(tmp_path):
    files = swept_cache(tmp_path, max_entries=3)
    with time_machine.travel("2026-12-01 10:00:00Z", tick=False) as clock:
        files.set("short", "x", 60)
        for n, when in enumerate(["oldest", "older", "newer", "newest"]):
            files.set(when, "x", 3600)
            path = files._key_to_file(when)
            os.utime(path, (1_000_000 + n, 1_000_000 + n))
        clock.shift(timedelta(minutes=5))
        files.sweep()
        assert len(list(tmp_path.iterdir())) == 3
        assert files.get("short") is None and files.get("oldest") is None
        assert [files.get(k) for k in ("older", "newer", "newest")] == ["x"] * 3


def test_redis_calls_share_one_client_and_its_connection_pool():
    backend = ForgivingRedisCache(REDIS_TEST_URL, {})
    assert backend._cache.get_client() is backend._cache.get_client()
    assert backend._cache.get_client(write=True).connection_pool is (
        backend._cache.get_client().connection_pool
    )
