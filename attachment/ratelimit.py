"""Fixed-window rate limits kept in the cache (Redis when REDIS_URL is set)."""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
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
    cache_key = f"ratelimit:{_without_who(key)}:{window_start}"
    # Only the first request of a window creates the counter (atomically with Redis; the
    # file cache of a single server without Redis counts near enough).
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=window)
        count = 1
    # Some backends (the file cache) store an incremented value with their default
    # lifetime of 5 minutes: the counter must last until its window ends.
    cache.touch(cache_key, timeout=max(1, int(window_start + window - now)))
    if count > limit:
        return max(1, int(window_start + window - now))
    return None


def _without_who(key: str) -> str:
    """ "quiz-score:203.0.113.7" -> "quiz-score:<keyed hash>". The counter needs to tell
    visitors apart, not to know their address or email: the cache (Redis, perhaps) keeps
    only a keyed hash of the part after the last colon."""
    kind, _, who = key.rpartition(":")
    digest = hmac.new(settings.SECRET_KEY.encode(), who.encode(), hashlib.sha256)
    return f"{kind}:{digest.hexdigest()[:32]}"
