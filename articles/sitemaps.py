"""/sitemap.xml: the site's pages, the quiz, booking, and every published article."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from articles.models import Article


class _OnSiteUrl(Sitemap):
    """Addresses on SITE_URL, whatever host the request came in on."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(_OnSiteUrl):
    # The quiz and booking are other apps' pages: named by address, not by URL name.
    def items(self) -> list[str]:
        return ["/", "/about/", "/faq/", "/contact/", "/privacy/", "/quiz/", "/book/"]

    def location(self, item: str) -> str:
        return item


class ArticlesSitemap(_OnSiteUrl):
    def items(self):
        return Article.objects.published().order_by("-publish_at", "-pk")

    def lastmod(self, item: Article) -> datetime:
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "articles": ArticlesSitemap}
