"""Fixed-window rate limits and single-use claims, counted in the database.

Counters live in their own table, not in the cache: thousands of cached pages can push a
cache entry out (and with it the limit), but not a row. Each count is one atomic upsert,
so parallel requests on any number of servers cannot slip past a limit together.

Nothing here stores who someone is: every key is a keyed hash of what it counts.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection

from core.models import RateCount

# Providers that deliver name.surname@ and namesurname@ to one mailbox.
DOTS_IGNORED = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def retry_after(
    kind: str, who: str, rate: tuple[int, int], *, now: float | None = None
) -> int | None:
    """Count one attempt of `kind` by `who`; return the seconds to wait if over the limit.

    `rate` is (attempts, seconds) as parsed from settings; (0, 0) means no limit.
    """
    limit, window = rate
    if limit <= 0:
        return None
    now = time.time() if now is None else now
    window_start = int(now // window * window)
    count = _count(_key(kind, who), window_start, expires=window_start + window)
    if count > limit:
        return max(1, int(window_start + window - now))
    return None


def claim(kind: str, who: str, *, lifetime: int, now: float | None = None) -> bool:
    """True the first time `who` is claimed for `kind`, False ever after (within
    `lifetime` seconds): a form token used once, a notice sent once."""
    now = time.time() if now is None else now
    return _count(_key(kind, who), 0, expires=int(now) + lifetime) == 1


def email_identity(address: str) -> str:
    """One person's address however it is written: "Ann.Lee+consult@Gmail.com" and
    "annlee@gmail.com" are one mailbox, so they share one limit."""
    local, _, domain = address.strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in DOTS_IGNORED:
        local, domain = local.replace(".", ""), DOTS_IGNORED[domain]
    return f"{local}@{domain}"


def forget_expired(*, now: float | None = None) -> int:
    """Delete the counts whose window is over; returns how many."""
    moment = datetime.fromtimestamp(time.time() if now is None else now, UTC)
    deleted, _ = RateCount.objects.filter(expires_at__lt=moment).delete()
    return deleted


def _moment(timestamp: int):
    return connection.ops.adapt_datetimefield_value(
        datetime.fromtimestamp(timestamp, UTC)
    )


def _key(kind: str, who: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), who.encode(), hashlib.sha256)
    return f"{kind[:30]}:{digest.hexdigest()}"


def _count(key: str, window_start: int, *, expires: int) -> int:
    # One statement that creates the row or adds one to it, and says the new count:
    # PostgreSQL and SQLite both run it atomically.
    quote = connection.ops.quote_name
    table = quote(RateCount._meta.db_table)
    count = quote("count")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({quote('key')}, {quote('window_start')}, {count}, "
            f"{quote('expires_at')}) VALUES (%s, %s, 1, %s) "
            f"ON CONFLICT ({quote('key')}, {quote('window_start')}) "
            f"DO UPDATE SET {count} = {table}.{count} + 1 RETURNING {count}",
            [key, window_start, _moment(expires)],
        )
        return cursor.fetchone()[0]
