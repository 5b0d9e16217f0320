"""An article's topics carry its publication time (Tagging.publish_at), so that a
topic's page reads its articles in order from one index: the copy stays true however
the topics or the time are set."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article, Tag, Tagging
from bench.scale_seed import seed_articles
from tests.plans import plans_of

from .conftest import make_article, make_draft
from .test_admin import form_data

pytestmark = pytest.mark.django_db


def times_on_topics(article: Article) -> set:
    return set(
        Tagging.objects.filter(article=article).values_list("publish_at", flat=True)
    )


def test_topics_chosen_in_the_admin_carry_the_articles_time(staff_client):
    secure = Tag.objects.get(slug="secure")
    when = (timezone.localtime() - timedelta(days=2)).replace(microsecond=0)
    staff_client.post(
        "/admin/articles/article/add/",
        form_data(
            tags=[secure.pk],
            publish_at_0=when.strftime("%Y-%m-%d"),
            publish_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    article = Article.objects.get(slug="learning-to-trust-again")
    assert list(article.tags.all()) == [secure]
    assert times_on_topics(article) == {when}


def test_a_new_time_reaches_the_topics_and_a_draft_has_none():
    article = make_draft(tags=["secure", "couples"])
    assert times_on_topics(article) == {None}
    article.publish_at = timezone.now() - timedelta(hours=1)
    article.save()
    assert times_on_topics(article) == {article.publish_at}


def test_an_article_given_from_the_topics_side_carries_its_time_too():
    article = make_article("Repair", days_ago=3)
    Tag.objects.create(name="Repair", slug="repair").articles.add(article)
    assert times_on_topics(article) == {article.publish_at}


def test_a_topics_page_finds_its_articles_in_the_topics_own_index():
    seed_articles(3_000)
    # Without the index, any page of a topic of 2,000 articles joins or sorts them all
    # (the last page, too, in bench/scale.sh at 10,000; here, unvacuumed, the planner may
    # fairly prefer a sort that deep, so a page near the front is asked for).
    plans = plans_of(lambda: Client().get("/articles/tag/secure/?page=2"))
    # The page's rows: this topic's keys (tag_id = its id), then those articles.
    [page] = [p for p in plans if re.search(r"tag_id = \d+", p) and "Limit" in p]
    assert "Index Only Scan Backward using articles_tagging_idx" in page, page
    # No join of every article of the topic (the page's ten rows are sorted, no more).
    assert "Hash Join" not in page and "Seq Scan" not in page, page
