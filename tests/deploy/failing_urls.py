"""A URLconf with one page that fails, for the server-error email tests."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def broken(request: HttpRequest, token: str) -> HttpResponse:
    # The message quotes what the visitor sent, as real bugs' messages often do.
    raise ValueError(f"could not read {request.POST.get('email')}")


def also_broken(request: HttpRequest) -> HttpResponse:
    raise KeyError("phone 416-555-0199")


urlpatterns = [
    path("broken/<str:token>/", broken, name="broken"),
    path("also-broken/", also_broken, name="also-broken"),
    path("", include("attachment.urls")),
]
