"""What keeps the articles' pages and admin flat as the years add up (timings live in
bench/scale.sh; these pin the plans PostgreSQL picks, at a size where reading the whole
table would otherwise be its choice)."""

from __future__ import annotations

import pytest

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
