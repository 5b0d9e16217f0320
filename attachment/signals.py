"""Any change to what the public pages show drops every cached page (attachment/cache.py)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from attachment.cache import content_changed
from attachment.models import FAQEntry, PracticeDetails, Therapist

for model in (PracticeDetails, Therapist, FAQEntry):
    post_save.connect(
        content_changed, sender=model, dispatch_uid=f"cache-{model.__name__}"
    )
    post_delete.connect(
        content_changed, sender=model, dispatch_uid=f"cache-{model.__name__}"
    )
