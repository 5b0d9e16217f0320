"""On PostgreSQL: the admin's search of the outbox (recipient, subject) reads trigram
indexes (core/trigram.py says how). Two emails or more a consult make the outbox the
largest table, and a search read all of it."""

from __future__ import annotations

from django.db import migrations

from core.trigram import search_indexes


class Migration(migrations.Migration):
    dependencies = [("booking", "0013_reminder_rule_in_place")]

    operations = [
        search_indexes("booking_outgoingemail", ("to", "subject"), "booking_outbox")
    ]
