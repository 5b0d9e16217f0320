from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class AdminActionIdsMiddleware:
    """Refuse an admin bulk action posted with ids that are not ids.

    Django's admin filters the list by the posted `_selected_action` values without
    validating them, so a made-up value is a 500 (a ValueError in the query). Every
    model here has whole-number ids, so anything else is a tampered form: say so.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path.startswith("/admin/"):
            ids = request.POST.getlist("_selected_action")
            if not all(value.isascii() and value.isdigit() for value in ids):
                return HttpResponseBadRequest(
                    "These items could not be found. Please go back, reload the list and try again."
                )
        return self.get_response(request)
