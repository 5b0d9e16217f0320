"""On PostgreSQL: the admin's search of articles (title, summary, body) reads trigram
indexes (core/search_indexes.py says how); without them a search read every article's body."""

from __future__ import annotations

from django.db import migrations

from core.search_indexes import search_indexes


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_dates_from_publication")]

    operations = [
        search_indexes("articles_article", ("title", "summary", "body"), "articles")
    ]
