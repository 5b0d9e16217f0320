"""Whole-page caching for the public article pages.

Each cached page lives under a key that includes a version number; any change to an
article or a tag bumps the version (see signals.py), so every stale page is dropped at
once, on every server sharing the cache. A page also expires when the next scheduled
article becomes due, so a scheduled article never appears early nor late.

The CSRF token: a cached page must not carry the token of whoever first loaded it (that
would hand one visitor's CSRF secret to everyone else). Pages are rendered with a
placeholder instead, and each response gets the visitor's own token at serve time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from articles.queries import next_publication

VERSION_KEY = "articles:cache-version"
MAX_AGE = timedelta(minutes=15)
CSRF_PLACEHOLDER = "articles-csrf-token-placeholder"
VARY = ["HX-Request", "HX-History-Restore-Request"]


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        current = cache.get(VERSION_KEY, 1)
    return current


def bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet: nothing can be cached under an old version
        cache.add(VERSION_KEY, 1, timeout=None)


def wants_fragment(request: HttpRequest) -> bool:
    """An htmx swap wants the list alone; a history restore (back button) wants the page."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _key(request: HttpRequest) -> str | None:
    """The page's cache key, or None when the address is not one worth caching.

    Only the bare address and ?page=<number> are cached: any other query string would let
    anyone fill the cache with copies of one page.
    """
    page = request.GET.get("page", "1")
    if set(request.GET) - {"page"} or not (page.isdigit() and len(page) <= 4):
        return None
    kind = "fragment" if wants_fragment(request) else "page"
    path = hashlib.sha256(request.path.encode()).hexdigest()
    return f"articles:page:{version()}:{kind}:{path}:{int(page)}"


def with_token(request: HttpRequest, content: bytes) -> bytes:
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder not in content:  # no token on the page: set no CSRF cookie either
        return content
    return content.replace(placeholder, get_token(request).encode())


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve anonymous GETs from the cache; staff always get a fresh page.

    The view must render with `csrf_token` set to CSRF_PLACEHOLDER (see render_public).
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = None
        if request.method == "GET" and not request.user.is_authenticated:
            key = _key(request)
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
            due = next_publication(now)
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
