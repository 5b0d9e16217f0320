from __future__ import annotations

from django.apps import AppConfig


class AttachmentConfig(AppConfig):
    name = "attachment"
    verbose_name = "The practice"

    def ready(self) -> None:
        from attachment.models import FAQEntry, PracticeDetails, Therapist
        from core import cache, seo

        # Every public page shows the practice and the therapist; the FAQ page its entries.
        cache.watch(cache.CONTENT, PracticeDetails, Therapist, FAQEntry)

        seo.add_pages("pages", "home", "about", "faq", "contact", "privacy")
        seo.disallow("/admin/")
