from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class CrossOriginResourcePolicyMiddleware:
    """Django sets COOP but has no setting for CORP: nothing here is for other sites to embed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
