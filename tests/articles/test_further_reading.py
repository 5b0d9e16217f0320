"""What the quiz asks: published articles with a style's tag, in one query."""

from __future__ import annotations

import pytest

from articles.queries import further_reading

from .conftest import SEED_SLUG, make_article, make_draft

pytestmark = pytest.mark.django_db


def test_further_reading_returns_published_articles_with_the_tag_newest_first(
    django_assert_num_queries,
):
    make_article("Newest on anxiety", days_ago=1, tags=["anxious-preoccupied"])
    make_draft("Draft on anxiety", tags=["anxious-preoccupied"])
    make_article("On grief", tags=["grief"])
    with django_assert_num_queries(1):
        articles = further_reading("anxious-preoccupied")
        authors = [a.author.name for a in articles]
    assert [a.slug for a in articles] == ["newest-on-anxiety", SEED_SLUG]
    assert authors == ["Shikha", "Shikha"]


def test_further_reading_stops_at_the_limit():
    for n in range(5):
        make_article(f"Secure {n}", days_ago=n + 1, tags=["secure"])
    assert len(further_reading("secure", limit=2)) == 2


def test_further_reading_for_an_unknown_tag_is_empty():
    assert further_reading("nothing") == []
