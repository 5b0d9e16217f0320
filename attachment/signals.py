"""Any change to what the public pages show drops every cached page (core/cache.py)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from attachment.models import FAQEntry, PracticeDetails, Therapist
from core.cache import CONTENT

for model in (PracticeDetails, Therapist, FAQEntry):
    post_save.connect(
        CONTENT.changed, sender=model, dispatch_uid=f"cache-{model.__name__}"
    )
    post_delete.connect(
        CONTENT.changed, sender=model, dispatch_uid=f"cache-{model.__name__}"
    )
