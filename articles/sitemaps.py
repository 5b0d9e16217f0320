"""The articles' part of /sitemap.xml: every published article."""

from __future__ import annotations

from datetime import datetime

from articles.models import Article
from core.seo import OnSiteSitemap


class ArticlesSitemap(OnSiteSitemap):
    def items(self):
        return Article.objects.published().order_by("-publish_at", "-pk")

    def lastmod(self, item: Article) -> datetime:
        return item.updated_at
