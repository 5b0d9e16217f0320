from __future__ import annotations

from django.apps import AppConfig


class AttachmentConfig(AppConfig):
    name = "attachment"
    verbose_name = "The practice"

    def ready(self) -> None:
        from attachment import models
        from attachment.notices import practice_notices
        from attachment.support import unconfirmed_services
        from attachment.today import placeholder_notices
        from core import admin_nav, cache, notices, seo

        # Every public page shows the practice and the therapist (the footer's
        # registration); the FAQ, fees and privacy pages their own texts; the helplines
        # and the note on safety show on the pages that list them.
        cache.watch(
            cache.CONTENT,
            models.PracticeDetails,
            models.Therapist,
            models.FAQEntry,
            models.Page,
            models.SupportService,
            models.SafetyNote,
        )

        seo.add_pages("pages", "home", "about", "faq", "contact", "privacy", "fees")
        notices.add_source(practice_notices)
        seo.disallow("/admin/")
        notices.add_source(unconfirmed_services)
        notices.add_source(placeholder_notices)

        admin_nav.place(
            "attachment.practicedetails", "The practice", 10, "Practice details"
        )
        admin_nav.place(
            "attachment.therapist", "The practice", 20, "Therapist: bio and photo"
        )
        admin_nav.place("attachment.faqentry", "The practice", 30, "FAQ entries")
        admin_nav.place("attachment.page", "The practice", 40, "Fees and privacy pages")
        admin_nav.place("attachment.safetynote", "Quiz texts", 50, "Note on safety")
        admin_nav.place(
            "attachment.supportservice", "Quiz texts", 60, "Helplines and support"
        )
