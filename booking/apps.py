from __future__ import annotations

from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "booking"

    def ready(self) -> None:
        from booking import signals  # noqa: F401  (connects the cache invalidation)
        from core import seo

        seo.add_pages("booking", "booking:consult-form")
