from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from attachment.models import PracticeDetails

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    """The newest published articles as Atom, with absolute links on SITE_URL."""

    feed_type = Atom1Feed
    subtitle = _("Articles on relationships, relational trauma and attachment.")

    def title(self) -> str:
        practice = PracticeDetails.load()
        name = practice.name if practice else "The Therapeutic Way"
        return _("%(practice)s: articles") % {"practice": name}

    def link(self) -> str:
        return settings.SITE_URL + reverse("articles:list")

    def feed_url(self) -> str:
        return settings.SITE_URL + reverse("articles:feed")

    def items(self) -> list[Article]:
        return list(
            Article.objects.published()
            .select_related("author")
            .order_by("-publish_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_link(self, item: Article) -> str:
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.publish_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.author.name
