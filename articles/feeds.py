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


class PlainSummaryAtom1Feed(Atom1Feed):
    """Atom with each summary marked as the plain text it is (Django marks it as HTML,
    so a reader would take "<" in a summary for markup)."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestArticlesFeed(Feed):
    """The newest published articles as Atom, with absolute links on SITE_URL."""

    feed_type = PlainSummaryAtom1Feed
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
        return item.last_changed

    def item_author_name(self, item: Article) -> str:
        return item.author.name
