"""What articles add to the admin's "Today": the articles set to appear by themselves."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from articles.models import Article
from core.notices import Notice


def scheduled_notices(now: datetime | None = None) -> list[Notice]:
    now = now or timezone.now()
    return [
        Notice(
            _("“%(title)s” will appear on the site by itself on %(when)s.")
            % {
                "title": article.title,
                "when": formats.date_format(
                    timezone.localtime(article.publish_at), "l, F j, g:i a"
                ),
            },
            url=reverse("admin:articles_article_change", args=[article.pk]),
            level="info",
        )
        for article in Article.objects.filter(publish_at__gt=now)
        .only("pk", "title", "publish_at")
        .order_by("publish_at")[:10]
    ]
