"""Drafts, scheduled and published articles: who sees what, and when."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article

from .conftest import make_article, make_draft, make_scheduled

pytestmark = pytest.mark.django_db


def test_the_status_follows_the_publish_time():
    now = timezone.now()
    assert Article(publish_at=None).status(now) == Article.Status.DRAFT
    assert (
        Article(publish_at=now + timedelta(minutes=1)).status(now)
        == Article.Status.SCHEDULED
    )
    assert Article(publish_at=now).status(now) == Article.Status.PUBLISHED


def test_a_published_article_is_public(client):
    make_article("Repair after a rupture")
    response = client.get("/articles/repair-after-a-rupture/")
    assert response.status_code == 200
    assert "Preview: not published" not in response.text


@pytest.mark.parametrize("make", [make_draft, make_scheduled])
def test_drafts_and_scheduled_articles_are_404_for_visitors(client, make):
    article = make("Not yet")
    assert client.get(f"/articles/{article.slug}/").status_code == 404
    assert client.get(f"/articles/preview/{article.pk}/").status_code == 302
    assert "Not yet" not in client.get("/articles/").text


@pytest.mark.parametrize("make", [make_draft, make_scheduled])
def test_staff_see_drafts_and_scheduled_articles_with_a_banner(staff_client, make):
    article = make("Not yet")
    for url in [f"/articles/{article.slug}/", f"/articles/preview/{article.pk}/"]:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert "Preview: not published." in response.text
        assert '<meta name="robots" content="noindex, nofollow">' in response.text


def test_the_preview_is_never_cached_and_carries_noindex(staff_client):
    article = make_draft()
    response = staff_client.get(f"/articles/preview/{article.pk}/")
    assert "no-cache" in response["Cache-Control"]
    assert "X-Cache" not in response


def test_a_scheduled_article_appears_by_itself_when_its_time_comes(client):
    article = make_scheduled("Coming soon", days_ahead=2)
    assert client.get("/articles/coming-soon/").status_code == 404
    assert "Coming soon" not in client.get("/articles/").text
    with time_machine.travel(article.publish_at + timedelta(seconds=1)):
        assert client.get("/articles/coming-soon/").status_code == 200
        assert "Coming soon" in client.get("/articles/").text


def test_published_excludes_drafts_and_scheduled_articles():
    published = make_article("Out")
    make_draft("Draft")
    make_scheduled("Later")
    assert list(
        Article.objects.published().filter(slug__in=["out", "draft", "later"])
    ) == [published]
