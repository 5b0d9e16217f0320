from __future__ import annotations

from django.apps import AppConfig


class QuizConfig(AppConfig):
    name = "quiz"
