"""The therapist's admin: her sections in the navigation and "Today" as its home page."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.template.response import TemplateResponse

from core import admin_nav, notices, today


class PracticeAdminSite(admin.AdminSite):
    site_header = "The Therapeutic Way"
    site_title = "The Therapeutic Way"
    index_title = "Today"

    def get_app_list(self, request: HttpRequest, app_label: str | None = None):
        app_list = super().get_app_list(request, app_label)
        if (
            app_label
        ):  # one app's own page (/admin/quiz/) lists that app, as Django does
            return app_list
        return admin_nav.group(app_list)

    def index(self, request: HttpRequest, extra_context=None) -> TemplateResponse:
        context = {
            "notices": notices.current(),
            "panels": today.current(request),
            **(extra_context or {}),
        }
        return super().index(request, context)
