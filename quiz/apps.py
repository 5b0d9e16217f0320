from __future__ import annotations

from pathlib import Path

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured

from quiz import instruments


def load_instruments(directory: Path = instruments.DIRECTORY) -> None:
    """Load and check the questionnaires; a faulty file stops the site from starting."""
    try:
        instruments.register(instruments.load_directory(directory))
    except instruments.InstrumentError as error:
        raise ImproperlyConfigured(
            f"Quiz questionnaire file is not valid: {error}"
        ) from None


class QuizConfig(AppConfig):
    name = "quiz"
    verbose_name = "Attachment quiz"

    def ready(self) -> None:
        load_instruments()
        from core import cache, notices, seo
        from quiz.models import Practice, Style, StyleGuidance
        from quiz.notices import permission_notices

        # The therapist's texts on the quiz's pages (the result page is cached).
        cache.watch(cache.CONTENT, Style, Practice, StyleGuidance)

        seo.add_pages("quiz", "quiz:start")
        seo.disallow("/quiz/result/")  # someone's own result, shared only by them
        notices.add_source(permission_notices)

        from core import admin_nav, notices, today
        from quiz.today import placeholder_notices, results_context

        notices.add_source(placeholder_notices)
        today.add_panel(
            today.Panel("quiz", "quiz/admin/today_results.html", results_context, 30)
        )
        for order, (model, name) in enumerate(
            [
                ("quiz.style", "Styles: summary, description and practices"),
                ("quiz.practice", "The five practices"),
                ("quiz.styleguidance", "Practices for each style"),
                ("quiz.resulttally", "Monthly quiz results"),
                ("quiz.questionnairepermission", "Questionnaire permissions"),
            ]
        ):
            admin_nav.place(model, "Quiz texts", order, name)
