"""Any change to what the public pages show drops every cached page (attachment/cache.py)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from attachment.cache import CONTENT
from attachment.models import FAQEntry, PracticeDetails, Therapist

for model in (PracticeDetails, Therapist, FAQEntry):
    post_save.connect(
        CONTENT.changed, sender=model, dispatch_uid=f"cache-{model.__name__}"
    )
    post_delete.connect(
        CONTENT.changed, sender=model, dispatch_uid=f"cache-{model.__name__}"
    )
