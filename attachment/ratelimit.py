"""Fixed-window rate limits kept in the cache (Redis when REDIS_URL is set)."""

from __future__ import annotations

import time

from django.core.cache import cache


def retry_after(
    key: str, rate: tuple[int, int], *, now: float | None = None
) -> int | None:
    """Count one attempt against `key`; return the seconds to wait if over the limit.

    `rate` is (attempts, seconds) as parsed from settings; (0, 0) means no limit.
    """
    limit, window = rate
    if limit <= 0:
        return None
    now = time.time() if now is None else now
    window_start = int(now // window * window)
    cache_key = f"ratelimit:{key}:{window_start}"
    # add() is atomic: only the first request of a window creates the counter.
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=window)
        count = 1
    if count > limit:
        return max(1, int(window_start + window - now))
    return None
