"""Redis as a cache that the site can live without.

The cache only makes pages faster and counts attempts for the rate limits. If Redis
stops answering, the site carries on uncached rather than every page failing: a read is
a miss, a write is dropped, and a counter starts again from one (so a rate limit lets the
request through). The outage is logged, at most once a minute.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)
LOG_EVERY_SECONDS = 60
_last_logged = float("-inf")


def _or(fallback, call, *args):
    """call(*args), or the fallback when Redis does not answer."""
    global _last_logged
    try:
        return call(*args)
    except RedisError as error:
        if time.monotonic() - _last_logged > LOG_EVERY_SECONDS:
            _last_logged = time.monotonic()
            log.warning("Redis is not answering (%s): serving without a cache.", error)
        return fallback


class ForgivingRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        return _or(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        _or(None, super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return _or(False, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return _or(False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return _or(delta, super().incr, key, delta, version)

    def delete(self, key, version=None):
        return _or(False, super().delete, key, version)

    def has_key(self, key, version=None):
        return _or(False, super().has_key, key, version)

    def get_many(self, keys, version=None):
        return _or({}, super().get_many, keys, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return _or(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        _or(None, super().delete_many, keys, version)

    def clear(self):
        _or(None, super().clear)
