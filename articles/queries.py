"""Read-only questions other parts of the site ask about articles."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q

from articles.models import Article, Tagging


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


# How many of the newest articles sharing a tag are weighed for "related": enough to find
# the ones sharing the most tags among recent writing, few enough that the query reads a
# bounded number of rows however many articles there are.
RELATED_CANDIDATES = 50


def related(
    article: Article, *, limit: int = 3, now: datetime | None = None
) -> list[Article]:
    """Among the newest published articles sharing a tag with this one, those sharing the
    most tags, newest first, in one query.

    Counting shared tags over every article would read the whole table (at 10,000
    articles, 60 ms and a sort of every row); the candidates come from a backward walk of
    the (publish_at, id) index that stops after RELATED_CANDIDATES rows:

        Limit
          ->  GroupAggregate ... Group Key: articles_article.id
                ->  Nested Loop ... Hash Semi Join
                      ->  Limit  (rows=50)
                            ->  Nested Loop Semi Join
                                  ->  Index Scan Backward using articles_published_idx

    Reads article.tags.all(), so prefetch the tags to keep it to one query.
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    if not tag_ids:
        return []
    candidates = (
        Article.objects.published(now)
        .filter(Exists(Tagging.objects.filter(article=OuterRef("pk"), tag__in=tag_ids)))
        .exclude(pk=article.pk)
        .order_by("-publish_at", "-pk")
        .values("pk")[:RELATED_CANDIDATES]
    )
    return list(
        Article.objects.filter(pk__in=candidates)
        .annotate(shared=Count("tags", filter=Q(tags__in=tag_ids)))
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
        # publish_at__lte bounds the index scan; the Q alone would be a filter on every row.
        published.filter(publish_at__lte=when)
        .filter(Q(publish_at__lt=when) | Q(publish_at=when, pk__lt=article.pk))
        .order_by("-publish_at", "-pk")
        .first()
    )
    following = (
        published.filter(publish_at__gte=when)
        .filter(Q(publish_at__gt=when) | Q(publish_at=when, pk__gt=article.pk))
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
