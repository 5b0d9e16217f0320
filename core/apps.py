from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared infrastructure with no page of its own: caching, rate limits, the client's
    address, responses and middleware. It imports no app of the site."""

    name = "core"
    verbose_name = "Site infrastructure"
