"""On PostgreSQL: the admin's search for a consult by name or email reads an index.

Django's admin searches with `UPPER(field::text) LIKE UPPER('%words%')`, which a plain
btree cannot serve; a trigram index on the same expression can (pg_trgm, a trusted
extension the database's owner may create). SQLite has no pg_trgm, so this migration
does nothing there. Like 0003, the indexes live outside Django's model state, so
`makemigrations --check` stays clean on both databases.
"""

from __future__ import annotations

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS booking_name_trgm_idx
    ON booking_booking USING gin (UPPER(name::text) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS booking_email_trgm_idx
    ON booking_booking USING gin (UPPER(email::text) gin_trgm_ops);
"""
DROP = """
DROP INDEX IF EXISTS booking_name_trgm_idx;
DROP INDEX IF EXISTS booking_email_trgm_idx;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("booking", "0011_scale_indexes")]

    operations = [migrations.RunPython(create, drop)]
