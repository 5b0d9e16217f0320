"""Any change to an article or a tag drops every cached article page (cache.py)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles.cache import bump_version
from articles.models import Article, Tag


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
@receiver(m2m_changed, sender=Article.tags.through)
def drop_cached_pages(**kwargs) -> None:
    bump_version()
    # Again after commit: a page rendered between the change and the commit still read
    # the old rows, and would otherwise be cached under the new version.
    transaction.on_commit(bump_version)
