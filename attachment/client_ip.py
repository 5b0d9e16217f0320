from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, for rate limits and the admin lockout.

    Only the header named by CLIENT_IP_HEADER is believed, and only because our own
    proxy sets it; anything else a client sends (X-Forwarded-For, say) is ignored, so a
    made-up header cannot dodge a limit.
    """
    if settings.CLIENT_IP_HEADER:
        value = request.META.get(settings.CLIENT_IP_HEADER, "")
        # A proxy that appends keeps the address it saw last.
        address = value.split(",")[-1].strip()
        if address:
            return address
    return request.META.get("REMOTE_ADDR", "") or "unknown"
