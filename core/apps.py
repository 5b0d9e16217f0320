from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared infrastructure with no page of its own: rate limits, for now."""

    name = "core"
    verbose_name = "Site infrastructure"
