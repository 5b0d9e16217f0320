"""Every cache of the site, and what makes each one stale, in one place.

Cached things are kept with the values of one or more generations (`Generation`) they
were made under: a value in the shared cache that moves on when any row they show
changes, so every stale copy is ignored at once, on every server sharing the cache
(and replaced when next made). Reading a thing and its generations is one round trip.
Which models move which generation is said once, by each app in its AppConfig.ready(),
with `watch()`: the public pages' CONTENT moves with articles, tags, the practice, the
therapist and the FAQ; booking's OFFERED (the free times) moves with bookings and hours.
`WATCHED` is the registry a newcomer reads to see it all.

Three ways to use it: `cached_page` for a public page, `cached_response` for a page
whose key the view chooses (booking's form), and `remember` for a value (the practice's
details, the free times).

Per-visitor parts: a cached page must not carry the values of whoever first loaded it
(a CSRF token would hand one visitor's secret to everyone else). Pages are rendered with
named placeholders (`placeholder("csrf")`...) and each response gets the visitor's own
values at serve time (`fill`).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.htmx import wants_fragment

MAX_AGE = timedelta(minutes=15)
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
        return str(cache.get_or_set(self.key, _new_value, timeout=None))

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


# Which generations each model moves: filled by watch(), read by whoever wonders.
WATCHED: dict[Generation, list[type[models.Model]]] = {}


def watch(generation: Generation, *senders: type[models.Model]) -> None:
    """Any saved, deleted or (for the table behind a ManyToManyField) relinked row of
    these models makes everything cached under `generation` stale. Relinking (add, set)
    writes a through table's rows in bulk, with no post_save: m2m_changed says it."""
    for sender in senders:
        uid = f"cache:{generation.key}:{sender._meta.label}"
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(generation.changed, sender=sender, dispatch_uid=uid)
        if sender not in WATCHED.setdefault(generation, []):
            WATCHED[generation].append(sender)


# What the public pages show; each app watches the models it owns.
CONTENT = Generation("site:content-version")


def _kept(name: str, under: Iterable[Generation]) -> tuple[str, Any]:
    """The generations' current values, and what is kept under `name` if it was kept
    under those same values (else None): both in one round trip to the cache, which is
    what a cached page costs on Redis (a second only when a generation has no value)."""
    generations = list(under)
    found = cache.get_many([name, *(generation.key for generation in generations)])
    stamp = ":".join(
        str(found.get(generation.key) or generation.current())
        for generation in generations
    )
    kept = found.get(name)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == stamp:
        return stamp, kept[1]
    return stamp, None


def remember[T](
    name: str,
    compute: Callable[[], T],
    *,
    under: Iterable[Generation] = (CONTENT,),
    timeout: int,
) -> T:
    """`compute()`, kept for `timeout` seconds or until a generation it is under moves
    on. None is never kept: it usually means "not set up yet", which should not last."""
    stamp, found = _kept(name, under)
    if found is None:
        found = compute()
        if found is not None:
            cache.set(name, (stamp, found), timeout=timeout)
    return found


# When something scheduled changes what the pages show (an article due to appear): each
# app adds its own question in its AppConfig.ready(), so pages need not know whose it is.
_SCHEDULES: list[Callable[[datetime], datetime | None]] = []


def add_schedule(next_change: Callable[[datetime], datetime | None]) -> None:
    if next_change not in _SCHEDULES:
        _SCHEDULES.append(next_change)


def next_scheduled_change(now: datetime) -> datetime | None:
    """The soonest moment any app has something scheduled to change, if any."""
    return min(filter(None, (due(now) for due in _SCHEDULES)), default=None)


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
    return f"site:page:{kind}:{path}:{int(page)}"


# Headers a cached response keeps beside its content type: they say what the content is
# (a sitemap is for robots, not for search results), not who asked for it.
KEPT_HEADERS = ("X-Robots-Tag",)

Fill = Callable[[HttpRequest], str]
PER_VISITOR: Mapping[str, Fill] = {"csrf": get_token}


def placeholder(name: str) -> str:
    """What a cached page holds where a per-visitor value goes; `fill` puts it in."""
    return f"site-placeholder-{name}"


def fill(
    request: HttpRequest, content: bytes, fills: Mapping[str, Fill] = PER_VISITOR
) -> bytes:
    """The page with this visitor's own values in place of the placeholders. A value
    is only made when its placeholder is there: a page without a form sets no cookie."""
    for name, value in fills.items():
        marker = placeholder(name).encode()
        if marker in content:
            content = content.replace(marker, value(request).encode())
    return content


def cached_response(
    request: HttpRequest,
    name: str,
    render: Callable[[], HttpResponse],
    *,
    under: Iterable[Generation] = (CONTENT,),
    max_age: timedelta = MAX_AGE,
    until: Callable[[datetime], datetime | None] | None = None,
    fills: Mapping[str, Fill] = PER_VISITOR,
) -> HttpResponse:
    """The response `render()` gives, kept under `name` (and the generations it is
    under) for `max_age`, or until `until(now)` if sooner. Only 200s are kept."""
    stamp, hit = _kept(name, under)
    now = timezone.now()
    if hit is not None and hit["expires"] > now:
        response = HttpResponse(
            fill(request, hit["content"], fills),
            content_type=hit["content_type"],
            headers=hit["headers"],
        )
        response["X-Cache"] = "hit"
        return response
    response = render()
    if response.status_code == 200 and not response.streaming:
        expires = now + max_age
        due = until(now) if until else None
        if due is not None and due < expires:
            expires = due
        cache.set(
            name,
            (
                stamp,
                {
                    "content": response.content,
                    "content_type": response["Content-Type"],
                    "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
                    "expires": expires,
                },
            ),
            timeout=max(1, int((expires - now).total_seconds())),
        )
        response["X-Cache"] = "miss"
    if not response.streaming:
        response.content = fill(request, response.content, fills)
    return response


def cached_page(
    view: Callable[..., HttpResponse] | None = None,
    *,
    until: Callable[[datetime], datetime | None] | None = None,
    paginated: bool = False,
) -> Callable:
    """Serve anonymous GETs from the cache; staff always get a fresh page.

    `until(now)` may name a moment the cached page must not outlive. A page that shows a
    CSRF token must render it as placeholder("csrf"): each visitor gets their own.
    A `paginated` view takes ?page=N and must answer 404 for a page it does not have.
    """
    if view is None:
        return lambda view: cached_page(view, until=until, paginated=paginated)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = None
        if request.method == "GET" and not request.user.is_authenticated:
            key = _key(request, paginated=paginated)
        if key is None:
            response = view(request, *args, **kwargs)
            if not response.streaming:
                response.content = fill(request, response.content)
        else:
            response = cached_response(
                request, key, lambda: view(request, *args, **kwargs), until=until
            )
        patch_vary_headers(response, VARY)
        if not response.has_header("Cache-Control"):
            # Browsers keep the page but ask each time (an ETag makes that a 304);
            # private, as it may carry this visitor's CSRF token.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapper
