"""Read-only questions other parts of the site ask about articles."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Q

from articles.models import Article


def further_reading(tag_slug: str, limit: int = 3) -> list[Article]:
    """Published articles with this tag, newest first, in one query (the quiz's recommendations)."""
    return list(
        Article.objects.published()
        .filter(tags__slug=tag_slug)
        .select_related("author")
        .order_by("-publish_at", "-pk")[:limit]
    )


def latest(limit: int = 3) -> list[Article]:
    return list(Article.objects.published().order_by("-publish_at", "-pk")[:limit])


def related(
    article: Article, *, limit: int = 3, now: datetime | None = None
) -> list[Article]:
    """Published articles sharing the most tags with this one, in one query.

    Reads article.tags.all(), so prefetch the tags to keep it to one query.
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    if not tag_ids:
        return []
    return list(
        Article.objects.published(now)
        .filter(tags__in=tag_ids)
        .exclude(pk=article.pk)
        .annotate(shared=Count("tags"))
        .order_by("-shared", "-publish_at", "-pk")[:limit]
    )


def neighbours(
    article: Article, *, now: datetime | None = None
) -> tuple[Article | None, Article | None]:
    """The published articles just before and just after this one in the list's order.

    Articles published at the same moment are told apart by pk, as the list does,
    so following the links from any article reaches every other one.
    """
    published = Article.objects.published(now).only("title", "slug", "publish_at")
    if article.publish_at is None:
        return None, None
    when = article.publish_at
    previous = (
        published.filter(Q(publish_at__lt=when) | Q(publish_at=when, pk__lt=article.pk))
        .order_by("-publish_at", "-pk")
        .first()
    )
    following = (
        published.filter(Q(publish_at__gt=when) | Q(publish_at=when, pk__gt=article.pk))
        .order_by("publish_at", "pk")
        .first()
    )
    return previous, following


def next_publication(now: datetime) -> datetime | None:
    """When the next scheduled article becomes public, so cached pages can end then."""
    return (
        Article.objects.filter(publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
