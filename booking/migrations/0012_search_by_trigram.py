"""On PostgreSQL: the admin's search for a consult by name or email reads trigram
indexes (core/search_indexes.py says how; the indexes were first written here)."""

from __future__ import annotations

from django.db import migrations

from core.search_indexes import search_indexes


class Migration(migrations.Migration):
    dependencies = [("booking", "0011_scale_indexes")]

    operations = [search_indexes("booking_booking", ("name", "email"), "booking")]
