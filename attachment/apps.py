from __future__ import annotations

from django.apps import AppConfig


class AttachmentConfig(AppConfig):
    name = "attachment"
    verbose_name = "The practice"

    def ready(self) -> None:
        from attachment import signals  # noqa: F401  (connects the receivers)
        from core import seo

        seo.add_pages("pages", "home", "about", "faq", "contact", "privacy")
        seo.disallow("/admin/")
