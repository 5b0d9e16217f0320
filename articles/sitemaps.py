"""The articles' part of /sitemap.xml: every published article, a page at a time."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max

from articles.models import Article
from core.seo import OnSiteSitemap


class ArticlesSitemap(OnSiteSitemap):
    def items(self):
        # Only what an address needs: the bodies of 1,000 articles are megabytes.
        return (
            Article.objects.published()
            .order_by("-publish_at", "-pk")
            .only("slug", "publish_at", "updated_at")
        )

    def lastmod(self, item: Article) -> datetime:
        return item.last_changed

    def get_latest_lastmod(self) -> datetime | None:
        # Django's own reads every article to find the latest (for the index).
        latest = Article.objects.published().aggregate(
            published=Max("publish_at"), updated=Max("updated_at")
        )
        return max(filter(None, latest.values()), default=None)
