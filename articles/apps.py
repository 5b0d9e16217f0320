from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from articles import queries, signals  # noqa: F401  (signals: cache invalidation)
        from articles.sitemaps import ArticlesSitemap
        from core import cache, seo

        seo.add_sitemap("articles", ArticlesSitemap)
        # Pages that list articles (the home page) end when the next one is due.
        cache.add_schedule(queries.next_publication)
