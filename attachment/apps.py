from __future__ import annotations

from django.apps import AppConfig


class AttachmentConfig(AppConfig):
    name = "attachment"
    verbose_name = "The practice"
