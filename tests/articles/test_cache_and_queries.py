"""Public article pages come from the cache, are dropped when an article changes, and
cost the same number of queries however many articles and tags there are."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from articles.models import Article, Tag

from .conftest import SEED_SLUG, make_article

pytestmark = pytest.mark.django_db

PAGES = ["/articles/", "/articles/tag/secure/", f"/articles/{SEED_SLUG}/"]


@pytest.mark.parametrize("url", PAGES)
def test_the_second_visit_comes_from_the_cache_without_a_query(
    client, url, django_assert_num_queries
):
    assert client.get(url)["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = Client().get(url)
    assert response["X-Cache"] == "hit"
    assert response.status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_the_htmx_fragment_and_the_page_are_cached_apart(client, url):
    page = client.get(url)
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert "<html" in page.text
    assert fragment["X-Cache"] == "miss"


@pytest.mark.parametrize("url", ["/articles/", "/articles/tag/secure/"])
def test_an_htmx_request_for_a_list_gets_the_results_alone_cached_or_not(client, url):
    client.get(url)
    for _ in range(2):  # a miss, then a hit
        fragment = client.get(url, headers={"HX-Request": "true"})
        assert fragment.status_code == 200
        assert 'id="results"' in fragment.text
        assert "<html" not in fragment.text
    assert fragment["X-Cache"] == "hit"


def test_changing_an_article_drops_the_cached_pages(client):
    client.get(f"/articles/{SEED_SLUG}/")
    client.get("/articles/")
    article = Article.objects.get(slug=SEED_SLUG)
    article.title = "A new title"
    article.save()
    detail = client.get(f"/articles/{SEED_SLUG}/")
    assert detail["X-Cache"] == "miss"
    assert "A new title" in detail.text
    assert "A new title" in client.get("/articles/").text


def test_changing_a_tag_or_the_tags_of_an_article_drops_the_cached_pages(client):
    client.get("/articles/")
    Tag.objects.filter(slug="secure").first().save()
    assert client.get("/articles/")["X-Cache"] == "miss"
    Article.objects.get(slug=SEED_SLUG).tags.clear()
    assert client.get("/articles/")["X-Cache"] == "miss"
    assert client.get("/articles/")["X-Cache"] == "hit"
    Tag.objects.get(slug="secure").articles.add(Article.objects.get(slug=SEED_SLUG))
    assert client.get("/articles/")["X-Cache"] == "miss"


@pytest.mark.parametrize("url", ["/articles/", "/"])
def test_a_cached_list_does_not_outlive_the_next_scheduled_article(client, url):
    # Due sooner than a cached page would end by itself, so only the schedule can end it.
    scheduled = make_article(
        "Due soon", publish_at=timezone.now() + timedelta(minutes=2)
    )
    assert "Due soon" not in client.get(url).text
    assert client.get(url)["X-Cache"] == "hit"
    with time_machine.travel(scheduled.publish_at + timedelta(seconds=1)):
        response = client.get(url)
        assert response["X-Cache"] == "miss"
        assert "Due soon" in response.text


def test_staff_pages_are_never_cached(staff_client):
    staff_client.get("/articles/")
    assert "X-Cache" not in staff_client.get("/articles/")


# On a cache miss, with the practice's details not cached either. Every page: practice,
# therapists (the footer's registration). The list: count, page, tags, next scheduled
# time; a tag page adds the tag; an article: article, its tags, previous, next, related,
# next scheduled time.
QUERIES = {
    "/articles/": 6,
    "/articles/tag/secure/": 7,
    f"/articles/{SEED_SLUG}/": 8,
    "/articles/article-0/": 8,
}


@pytest.mark.parametrize("extra", [0, 29], ids=["1 article", "30 articles"])
@pytest.mark.parametrize("url", QUERIES)
def test_queries_per_page_do_not_grow_with_articles_and_tags(
    url, extra, django_assert_num_queries
):
    make_article("Article 0", days_ago=1, tags=["secure", "topic-0"])
    for n in range(1, extra + 1):
        make_article(f"Article {n}", days_ago=n + 1, tags=["secure", f"topic-{n}"])
    cache.clear()
    with django_assert_num_queries(QUERIES[url]):
        assert Client().get(url).status_code == 200


def test_only_plain_addresses_and_page_numbers_are_cached(client):
    client.get("/articles/?page=1")
    assert client.get("/articles/?page=1")["X-Cache"] == "hit"
    assert client.get("/articles/")["X-Cache"] == "hit"  # page 1 is page 1
    client.get("/articles/?utm_source=x")
    assert "X-Cache" not in client.get("/articles/?utm_source=x")
    assert "X-Cache" not in client.get("/articles/?page=" + "9" * 50)
