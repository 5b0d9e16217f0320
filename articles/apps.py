from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed

        from articles import queries
        from articles.models import Article, Tag, Tagging
        from articles.sitemaps import ArticlesSitemap
        from core import cache, seo

        cache.watch(cache.CONTENT, Article, Tag, Tagging)
        m2m_changed.connect(_date_new_taggings, sender=Tagging)

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


def _date_new_taggings(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Topics given through the form (or tag.articles.add) arrive without the article's
    publication time: copy it on."""
    from articles.models import Tagging, date_taggings

    if action != "post_add" or not pk_set:
        return
    if reverse:  # instance is a Tag, pk_set its new articles
        date_taggings(Tagging.objects.filter(tag=instance, article__in=pk_set))
    else:
        date_taggings(Tagging.objects.filter(article=instance, tag__in=pk_set))
