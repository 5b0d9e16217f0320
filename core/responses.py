from __future__ import annotations

import math

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """An honest 429: what happened, when to come back, and nothing lost."""
    html = render_to_string(
        "429.html",
        {"retry_minutes": max(1, math.ceil(retry_after / 60))},
        request=request,
    )
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(retry_after)
    return response
