"""/healthz: what an uptime check or a load balancer asks, put together from each app.

Each app adds the checks it owns in its AppConfig.ready() (the outbox's backlog, the
calendar feeds...), so this view never imports an app. A check returns a short word for
the JSON answer and whether the site can serve visitors with it; any failing check
turns the answer into a 503.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@dataclass(frozen=True)
class Health:
    word: str
    ok: bool


CHECKS: dict[str, Callable[[], Health]] = {}


def add_check(name: str, check: Callable[[], Health]) -> None:
    CHECKS[name] = check


def database() -> Health:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return Health("down", ok=False)
    return Health("ok", ok=True)


add_check("database", database)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every check passes, else 503; the body names each check's state."""
    results = {name: check() for name, check in CHECKS.items()}
    ok = all(result.ok for result in results.values())
    body = {"status": "ok" if ok else "unavailable"}
    body.update({name: result.word for name, result in results.items()})
    return JsonResponse(body, status=200 if ok else 503)
