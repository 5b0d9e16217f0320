from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from articles import queries
        from articles.models import Article, Tag
        from articles.sitemaps import ArticlesSitemap
        from core import cache, seo

        cache.watch(cache.CONTENT, Article, Tag, Article.tags.through)

        seo.add_sitemap("articles", ArticlesSitemap)
        # Pages that list articles (the home page) end when the next one is due.
        cache.add_schedule(queries.next_publication)

        from articles.today import scheduled_notices
        from core import admin_nav, notices

        notices.add_source(scheduled_notices)
        admin_nav.place("articles.article", "Writing", 10, "Articles")
        admin_nav.place(
            "articles.articlepicture", "Writing", 20, "Pictures in articles"
        )
        admin_nav.place("articles.tag", "Writing", 30, "Topics (tags)")
