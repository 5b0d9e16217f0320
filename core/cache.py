"""Whole-page caching for the public pages (home, about, FAQ, articles...).

Each cached page lives under a key that includes a version number; any change to the
content they show (an article, a tag, the practice details, the therapist, the FAQ)
bumps the version (see each app's signals.py), so every stale page is dropped at once, on
every server sharing the cache. A view can also say when its page must end (the articles
end when the next scheduled article becomes due, so it never appears early nor late).

The CSRF token: a cached page must not carry the token of whoever first loaded it (that
would hand one visitor's CSRF secret to everyone else). Pages are rendered with a
placeholder instead, and each response gets the visitor's own token at serve time.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers

MAX_AGE = timedelta(minutes=15)
CSRF_PLACEHOLDER = "site-csrf-token-placeholder"
VARY = ["HX-Request", "HX-History-Restore-Request"]


class Generation:
    """A value in the shared cache. Keys that include it all go stale at once when it
    moves on, on every process and server that shares the cache.

    Each value is new and random, never a count: if the cache drops it (evicted when
    full, culled, restarted), the next one is new as well, so nothing cached under an
    earlier value can come back.
    """

    def __init__(self, key: str) -> None:
        self.key = key

    def current(self) -> str:
        return cache.get_or_set(self.key, _new_value, timeout=None)

    def advance(self) -> None:
        cache.set(self.key, _new_value(), timeout=None)

    def changed(self, **kwargs) -> None:
        """A signal receiver: connect it to every model whose rows the cached things show."""
        self.advance()
        # Again after commit: whatever was computed between the change and the commit
        # still read the old rows, and would otherwise be cached under the new value.
        transaction.on_commit(self.advance)


def _new_value() -> str:
    return secrets.token_hex(6)


# What the public pages show: articles, tags, the practice, the therapist, the FAQ.
CONTENT = Generation("site:content-version")


# When something scheduled changes what the pages show (an article due to appear): each
# app adds its own question in its AppConfig.ready(), so pages need not know whose it is.
_SCHEDULES: list[Callable[[datetime], datetime | None]] = []


def add_schedule(next_change: Callable[[datetime], datetime | None]) -> None:
    if next_change not in _SCHEDULES:
        _SCHEDULES.append(next_change)


def next_scheduled_change(now: datetime) -> datetime | None:
    """The soonest moment any app has something scheduled to change, if any."""
    return min(filter(None, (due(now) for due in _SCHEDULES)), default=None)


def wants_fragment(request: HttpRequest) -> bool:
    """An htmx swap wants the list alone; a history restore (back button) wants the page."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _key(request: HttpRequest, *, paginated: bool) -> str | None:
    """The page's cache key, or None when the address is not one worth caching.

    Only the bare address is cached, and on a paginated list ?page=<number>: any other
    query string would let anyone fill the cache with copies of one page (and push out
    what else the cache holds). A paginated view answers 404 for a page it does not
    have, and only 200s are kept, so only pages that exist are ever stored.
    """
    if set(request.GET) - ({"page"} if paginated else set()):
        return None
    page = request.GET.get("page", "1")
    # isdigit() alone says yes to "²" and "٣", which int() then refuses or reads as 3.
    if not (page.isascii() and page.isdigit() and len(page) <= 4):
        return None
    kind = "fragment" if wants_fragment(request) else "page"
    path = hashlib.sha256(request.path.encode()).hexdigest()
    return f"site:page:{CONTENT.current()}:{kind}:{path}:{int(page)}"


def with_token(request: HttpRequest, content: bytes) -> bytes:
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder not in content:  # no token on the page: set no CSRF cookie either
        return content
    return content.replace(placeholder, get_token(request).encode())


def cached_page(
    view: Callable[..., HttpResponse] | None = None,
    *,
    until: Callable[[datetime], datetime | None] | None = None,
    paginated: bool = False,
) -> Callable:
    """Serve anonymous GETs from the cache; staff always get a fresh page.

    `until(now)` may name a moment the cached page must not outlive. A page that shows a
    CSRF token must render it as CSRF_PLACEHOLDER: each visitor gets their own at serve time.
    A `paginated` view takes ?page=N and must answer 404 for a page it does not have.
    """
    if view is None:
        return lambda view: cached_page(view, until=until, paginated=paginated)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = None
        if request.method == "GET" and not request.user.is_authenticated:
            key = _key(request, paginated=paginated)
        now = timezone.now()
        if key is not None:
            hit = cache.get(key)
            if hit is not None and hit["expires"] > now:
                response = HttpResponse(
                    with_token(request, hit["content"]),
                    content_type=hit["content_type"],
                )
                response["X-Cache"] = "hit"
                patch_vary_headers(response, VARY)
                return response
        response = view(request, *args, **kwargs)
        if key is not None and response.status_code == 200 and not response.streaming:
            expires = now + MAX_AGE
            due = until(now) if until else None
            if due is not None and due < expires:
                expires = due
            cache.set(
                key,
                {
                    "content": response.content,
                    "content_type": response["Content-Type"],
                    "expires": expires,
                },
                timeout=max(1, int((expires - now).total_seconds())),
            )
            response["X-Cache"] = "miss"
        if not response.streaming:
            response.content = with_token(request, response.content)
        patch_vary_headers(response, VARY)
        return response

    return wrapper
