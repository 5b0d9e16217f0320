"""Any change to an article or a tag drops every cached page (core/cache.py)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.models import Article, Tag
from core.cache import CONTENT

for model in (Article, Tag):
    post_save.connect(
        CONTENT.changed, sender=model, dispatch_uid=f"cache-{model.__name__}"
    )
    post_delete.connect(
        CONTENT.changed, sender=model, dispatch_uid=f"cache-{model.__name__}"
    )
m2m_changed.connect(
    CONTENT.changed, sender=Article.tags.through, dispatch_uid="cache-tags"
)
