"""On PostgreSQL: no two confirmed consults of one therapist overlap, buffers included.

An exclusion constraint over tstzrange(starts_at, blocked_until) needs btree_gist for the
`therapist_id WITH =` part. SQLite has neither, so this migration does nothing there;
the partial unique constraint (one confirmed booking per start time) holds everywhere.
The constraint lives outside Django's model state on purpose, so `makemigrations
--check` stays clean on both databases.
"""

from __future__ import annotations

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE booking_booking ADD CONSTRAINT booking_booking_no_overlap
    EXCLUDE USING gist (therapist_id WITH =, tstzrange(starts_at, blocked_until) WITH &&)
    WHERE (status = 'confirmed');
"""
DROP = (
    "ALTER TABLE booking_booking DROP CONSTRAINT IF EXISTS booking_booking_no_overlap;"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("booking", "0002_default_hours")]

    operations = [migrations.RunPython(create, drop)]
