"""What keeps the articles' pages and admin flat as the years add up (timings live in
bench/scale.sh; these pin the plans PostgreSQL picks, at a size where reading the whole
table would otherwise be its choice)."""

from __future__ import annotations

import pytest

from articles.sitemaps import ArticlesSitemap
from bench.scale_seed import seed_articles
from tests.plans import plans_of, settle_trigram_indexes

pytestmark = pytest.mark.django_db


def test_the_admin_search_of_articles_reads_trigram_indexes_not_every_body(
    admin_client,
):
    seed_articles(3_000)
    settle_trigram_indexes("articles_article")
    plans = plans_of(lambda: admin_client.get("/admin/articles/article/?q=1234"))
    searches = [p for p in plans if "_trgm_idx" in p]
    assert searches, plans
    assert not any("Seq Scan on articles_article" in p for p in searches), searches
    for field in ("title", "summary", "body"):
        assert any(f"articles_{field}_trgm_idx" in p for p in searches), field


def test_the_sitemap_index_finds_the_latest_change_in_indexes_not_the_table():
    seed_articles(3_000)
    plans = plans_of(lambda: ArticlesSitemap().get_latest_lastmod())
    assert "articles_published_idx" in plans[0] and "articles_updated_idx" in plans[0]
    assert "Seq Scan" not in plans[0], plans[0]


def test_a_search_in_the_admin_does_not_walk_the_date_index(admin_client):
    seed_articles(3_000)
    assert 'class="toplinks"' in admin_client.get("/admin/articles/article/").text
    found = {}
    plans = plans_of(
        lambda: found.update(page=admin_client.get("/admin/articles/article/?q=1234"))
    )
    assert "Article 1234" in found["page"].text
    assert 'class="toplinks"' not in found["page"].text  # no year-and-month bar
    assert not any("articles_published_idx" in p and "Filter" in p for p in plans), (
        plans
    )
