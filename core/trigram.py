"""Trigram indexes for the admin's searches, on PostgreSQL.

Django's admin searches with `UPPER(field::text) LIKE UPPER('%word%')`, which no btree
can serve; a trigram index on that same expression can (pg_trgm, a trusted extension the
database's owner may create). SQLite has no pg_trgm, so the operation does nothing
there, and the indexes live outside Django's model state, so `makemigrations --check`
stays clean on both databases.
"""

from __future__ import annotations

from django.db import migrations


def search_indexes(
    table: str, fields: tuple[str, ...], prefix: str
) -> migrations.RunPython:
    """A migration operation adding `<prefix>_<field>_trgm_idx` for each field."""
    names = {field: f"{prefix}_{field}_trgm_idx" for field in fields}
    create = "CREATE EXTENSION IF NOT EXISTS pg_trgm;" + "".join(
        f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (UPPER("{field}"::text) gin_trgm_ops);'
        for field, name in names.items()
    )
    drop = "".join(f"DROP INDEX IF EXISTS {name};" for name in names.values())

    def forward(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(create)

    def backward(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(drop)

    return migrations.RunPython(forward, backward)
