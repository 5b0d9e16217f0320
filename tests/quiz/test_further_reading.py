"""A result recommends the practice's published articles tagged with its style."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from articles.models import Article, Tag
from attachment.models import Therapist
from quiz.results import make_result_token, result_path

pytestmark = pytest.mark.django_db


def result_page(client: Client, *, anxiety: float, avoidance: float) -> str:
    token = make_result_token(
        instrument="ecr-r",
        anxiety=anxiety,
        avoidance=avoidance,
        taken_on=date(2026, 11, 27),
    )
    return client.get(result_path(token)).text


def test_the_result_recommends_the_seed_article_for_every_style(client: Client):
    for anxiety, avoidance in [(2.0, 2.0), (6.0, 2.0), (2.0, 6.0), (6.0, 6.0)]:
        html = result_page(client, anxiety=anxiety, avoidance=avoidance)
        assert "/articles/how-to-create-secure-attachment-in-relationships/" in html


def test_only_published_articles_tagged_with_the_style_are_recommended(client: Client):
    anxious = Tag.objects.get(slug="anxious-preoccupied")
    author = Therapist.objects.get(slug="shikha")
    draft = Article.objects.create(
        title="A draft about reassurance",
        slug="draft-reassurance",
        author=author,
        body="x",
    )
    draft.tags.add(anxious)
    html = result_page(client, anxiety=6.0, avoidance=2.0)
    assert "draft-reassurance" not in html
