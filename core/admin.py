from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from core.models import RateCount


@admin.register(RateCount)
class RateCountAdmin(admin.ModelAdmin):
    """To read when a visitor says they were told to wait: the counts keep themselves."""

    list_display = ["key", "count", "expires_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
