"""What visitors see: the list, the tag filter, the article page and the home page."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles import queries, views
from articles.models import Article

from .conftest import SEED_SLUG, make_article, make_draft

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def jsonld(html: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block[1])


def test_the_list_shows_published_articles_newest_first_with_date_and_reading_time(
    client,
):
    make_article("Older one", days_ago=10)
    make_article("Newer one", days_ago=2)
    response = client.get("/articles/")
    assert response.status_code == 200
    text = response.text
    assert (
        text.index("Newer one")
        < text.index("Older one")
        < text.index("How to create secure")
    )
    assert "min read" in text and "<time datetime=" in text


def test_the_list_is_paginated(client, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    for n in range(3):
        make_article(f"Article {n}", days_ago=n + 1)
    first = client.get("/articles/")
    assert "Article 0" in first.text and "Article 2" not in first.text
    assert 'href="?page=2"' in first.text
    second = client.get("/articles/?page=2")
    assert "Article 2" in second.text


def test_the_tag_filter_works_as_a_plain_link(client):
    make_article("About anxiety", tags=["anxious-preoccupied"])
    make_article("About couples only", tags=["couples-only"])
    response = client.get("/articles/tag/anxious-preoccupied/")
    assert response.status_code == 200
    assert "<html" in response.text
    assert "About anxiety" in response.text
    assert "About couples only" not in response.text
    assert 'href="/articles/tag/couples-only/"' in response.text


def test_the_tag_filter_with_htmx_returns_only_the_list(client):
    make_article("About anxiety", tags=["anxious-preoccupied"])
    response = client.get("/articles/tag/anxious-preoccupied/", headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="results"' in response.text
    assert "About anxiety" in response.text
    assert "<title>Articles: Anxious-preoccupied" in response.text
    assert "HX-Request" in response["Vary"]


def test_going_back_with_htmx_history_restore_gets_the_whole_page(client):
    response = client.get(
        "/articles/tag/secure/", headers={**HTMX, "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.text


def test_tag_links_carry_both_href_and_hx_get(client):
    html = client.get("/articles/").text
    assert 'href="/articles/tag/secure/" hx-get="/articles/tag/secure/"' in html
    assert 'hx-push-url="true"' in html and 'hx-target="#results"' in html


def test_an_unknown_tag_is_404(client):
    assert client.get("/articles/tag/nothing-here/").status_code == 404


def test_the_article_page_has_its_meta_tags(client):
    html = client.get(f"/articles/{SEED_SLUG}/").text
    assert (
        "<title>How to create secure attachment in relationships? · The Therapeutic Way</title>"
        in html
    )
    assert '<meta name="description" content="According to attachment theory' in html
    assert (
        f'<link rel="canonical" href="http://127.0.0.1:8000/articles/{SEED_SLUG}/">'
        in html
    )
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="How to create secure attachment' in html


def test_the_article_page_carries_article_structured_data(client):
    data = jsonld(client.get(f"/articles/{SEED_SLUG}/").text)
    assert data["@type"] == "Article"
    assert data["headline"] == "How to create secure attachment in relationships?"
    assert data["datePublished"].startswith("2023-06-01")
    assert data["dateModified"]
    assert data["author"]["@type"] == "Person"
    assert data["author"]["name"] == "Shikha"
    assert data["author"]["jobTitle"] == "Registered Psychotherapist"
    assert data["author"]["url"] == "http://127.0.0.1:8000/about/#shikha"
    assert data["publisher"]["name"] == "The Therapeutic Way"


def test_the_article_page_has_the_author_card_the_invitations_and_the_crisis_line(
    client,
):
    html = client.get(f"/articles/{SEED_SLUG}/").text
    assert 'href="/about/#shikha"' in html
    assert 'href="/quiz/"' in html and 'href="/book/"' in html
    assert "9-8-8" in html
    assert "By Shikha" in html and "min read" in html


def test_reading_time_is_words_over_200_and_at_least_a_minute():
    assert make_article("Short", body="a few words").reading_minutes == 1
    assert make_article("Long", body="word " * 401).reading_minutes == 3


def test_previous_and_next_follow_the_publish_date(client):
    make_article("First", days_ago=30)
    make_article("Second", days_ago=20)
    make_article("Third", days_ago=10)
    make_draft("Unseen draft")
    html = client.get("/articles/second/").text
    assert re.search(r'href="/articles/first/" rel="prev">.*First</a>', html)
    assert re.search(r'href="/articles/third/" rel="next">.*Third</a>', html)
    assert "Unseen draft" not in html


def test_earlier_and_later_links_reach_every_article_even_those_published_together():
    together = timezone.now() - timedelta(days=5)
    make_article("Oldest", days_ago=30)
    for title in ["Together one", "Together two", "Together three"]:
        make_article(title, publish_at=together)
    make_article("Newest", days_ago=1)
    in_list_order = list(Article.objects.published().order_by("-publish_at", "-pk"))

    earlier, article = [], in_list_order[0]
    while article is not None and len(earlier) <= len(in_list_order):
        earlier.append(article)
        article, _ = queries.neighbours(article)
    assert earlier == in_list_order

    later, article = [], in_list_order[-1]
    while article is not None and len(later) <= len(in_list_order):
        later.append(article)
        _, article = queries.neighbours(article)
    assert later == in_list_order[::-1]


def test_related_articles_share_tags_most_shared_first(client):
    make_article("Main", tags=["secure", "couples"])
    make_article("Shares one", tags=["couples"], days_ago=3)
    make_article("Shares two", tags=["secure", "couples"], days_ago=5)
    make_article("Shares none", tags=["grief"])
    make_draft("Draft sharing", tags=["secure", "couples"])
    html = client.get("/articles/main/").text
    related = html[html.index('id="related-heading"') :]
    assert related.index("Shares two") < related.index("Shares one")
    assert "Shares none" not in related and "Draft sharing" not in related


def test_the_home_page_lists_the_latest_articles(client):
    make_article("Fresh from the blog", days_ago=1)
    make_draft("Not on the home page")
    html = client.get("/").text
    assert 'href="/articles/fresh-from-the-blog/">Fresh from the blog</a>' in html
    assert "Not on the home page" not in html


def test_a_cached_page_never_hands_one_visitors_csrf_token_to_another(client):
    from django.test import Client

    first = client.get(f"/articles/{SEED_SLUG}/")
    second = Client().get(f"/articles/{SEED_SLUG}/")
    assert second["X-Cache"] == "hit"
    assert "articles-csrf-token-placeholder" not in second.text
    tokens = [re.findall(r'"X-CSRFToken": "(\w+)"', r.text) for r in (first, second)]
    assert tokens[0] == [] or tokens[0] != tokens[1]
