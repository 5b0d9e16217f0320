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
        from core import notices, seo
        from quiz.notices import permission_notices

        seo.add_pages("quiz", "quiz:start")
        seo.disallow("/quiz/result/")  # someone's own result, shared only by them
        notices.add_source(permission_notices)
