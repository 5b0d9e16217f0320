from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable

from django.db import DataError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse

log = logging.getLogger(__name__)

# The list-filter lookups that Django hands to PostgreSQL's inet type as they are, so a
# value that is not an address is a 500 (a ValueError or DataError in the query).
# An empty value is sent as NULL, which the column takes, so it passes.
IP_FILTERS = [
    "ip_address",
    *(f"ip_address__{op}" for op in ("exact", "gt", "gte", "lt", "lte")),
]


class AdminActionIdsMiddleware:
    """Refuse admin input that Django's admin would turn into a server error.

    Django's admin filters the list by the posted `_selected_action` values without
    validating them, so a made-up value is a 500 (a ValueError in the query). Every
    model here has whole-number ids, so anything else is a tampered form: say so.

    List filters and the autocomplete search go to the database unchecked too.
    PostgreSQL refuses a NUL character in text, and an IP address column refuses
    anything but an address, each with a 500. No one types either by hand.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _in_admin(request):
            return self.get_response(request)
        if _has_nul(request):
            return HttpResponseBadRequest(
                "This request contained a character that cannot be used. "
                "Please go back, check what you typed and try again."
            )
        if not _ip_filters_are_addresses(request):
            return HttpResponseBadRequest(
                "That is not an IP address. Please go back, check the filter and try again."
            )
        if request.method == "POST":
            ids = request.POST.getlist("_selected_action")
            if not all(value.isascii() and value.isdigit() for value in ids):
                return HttpResponseBadRequest(
                    "These items could not be found. Please go back, reload the list and try again."
                )
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        """The last net: any other filter in the address that the database cannot use
        (a broken pattern in ?title__regex=, a range of non-addresses...) is the
        address's fault, not the server's."""
        if (
            _in_admin(request)
            and request.method == "GET"
            and request.GET
            and isinstance(exception, DataError | ValueError)
        ):
            log.warning("Admin filter refused: %s", type(exception).__name__)
            return HttpResponseBadRequest(
                "That filter could not be used. Please go back to the list and choose "
                "a filter from the side panel."
            )
        return None


def _has_nul(request: HttpRequest) -> bool:
    data = [request.GET]
    if request.method == "POST":
        data.append(request.POST)
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for query in data
        for key, values in query.lists()
    )


def _ip_filters_are_addresses(request: HttpRequest) -> bool:
    addresses = [a for key in IP_FILTERS for a in request.GET.getlist(key)]
    addresses += [
        a for v in request.GET.getlist("ip_address__in") for a in v.split(",")
    ]
    for address in filter(None, addresses):
        try:
            ipaddress.ip_address(address)
        except ValueError:
            return False
    return True


def _in_admin(request: HttpRequest) -> bool:
    return request.path.startswith(reverse("admin:index"))
