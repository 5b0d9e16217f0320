"""/healthz: what an uptime check or a load balancer asks, put together from each app.

Each app adds the checks it owns in its AppConfig.ready() (the outbox's backlog, the
calendar feeds...), so this view never imports an app. A check returns a short word for
the JSON answer and whether the site can serve visitors with it; any failing check
turns the answer into a 503.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@dataclass(frozen=True)
class Health:
    word: str
    ok: bool
    # Figures a monitor can compare with a threshold, answered as "<name>_<key>".
    figures: Mapping[str, int | None] = field(default_factory=dict)


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


def static_files() -> Health:
    """Production pages name their CSS and JavaScript through collectstatic's manifest;
    without it every page is a 500, so this server must not be sent visitors."""
    storage = storages["staticfiles"]
    if isinstance(storage, ManifestFilesMixin) and not storage.hashed_files:
        # Read when the process started: running collectstatic later needs a reload too.
        return Health("no manifest: run collectstatic, then reload", ok=False)
    return Health("ok", ok=True)


add_check("database", database)
add_check("static_files", static_files)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every check passes, else 503; the body names each check's state."""
    results = {name: check() for name, check in CHECKS.items()}
    ok = all(result.ok for result in results.values())
    body: dict[str, str | int | None] = {"status": "ok" if ok else "unavailable"}
    for name, result in results.items():
        body[name] = result.word
        body.update({f"{name}_{key}": value for key, value in result.figures.items()})
    return JsonResponse(body, status=200 if ok else 503)
