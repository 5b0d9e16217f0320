"""Optional error tracking with Sentry (SENTRY_DSN), set up so that it learns nothing
about the people using the site.

Visitors may be in controlling relationships, and the booking form holds names, phones
and notes: an error report carries the exception, the stack and the page's address
pattern, never the request's address, body, cookies, headers, query string, client address or
the logged-in user, nor the values of local variables.
"""

from __future__ import annotations

from typing import Any

# What a request may keep in a report. Not even its address: a cancel link's path holds a
# signed token. The event's transaction names the URL pattern instead.
KEPT_REQUEST_KEYS = {"method"}


def scrub(event: Any, hint: Any = None) -> Any:
    """Drop every part of an event that could hold personal data (before_send)."""
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = {k: v for k, v in request.items() if k in KEPT_REQUEST_KEYS}
    event.pop("user", None)
    event.pop("breadcrumbs", None)
    for exception in (event.get("exception") or {}).get("values") or []:
        # An exception's message can quote what someone typed; its type cannot.
        exception["value"] = ""
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    if "logentry" in event:
        event["logentry"] = {"message": "(message removed)"}
    return event


def start_sentry(dsn: str, *, environment: str) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        max_breadcrumbs=0,
        traces_sample_rate=0,
        before_send=scrub,
    )
