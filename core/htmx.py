"""What an htmx request is, for views and their type checker (django-htmx adds it)."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def wants_fragment(request: HttpRequest) -> bool:
    """An htmx swap wants the part alone; a history restore (back button) wants the page."""
    htmx: HtmxDetails | None = getattr(request, "htmx", None)
    return bool(htmx) and not (htmx and htmx.history_restore_request)
