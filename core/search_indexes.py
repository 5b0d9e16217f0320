"""Indexes for the admin's searches, on PostgreSQL.

Django's admin searches a field with `UPPER(field::text) LIKE UPPER('%word%')` (a plain
name in `search_fields`), which no btree can serve; a trigram index on that same
expression can (pg_trgm, a trusted extension the database's owner may create). A field
searched from its start (`"^field"`: `LIKE UPPER('word%')`) is served by a btree on the
same expression with text_pattern_ops, in a few index pages whatever the table's size.

SQLite has neither, so these operations do nothing there, and the indexes live outside
Django's model state, so `makemigrations --check` stays clean on both databases.
"""

from __future__ import annotations

from django.db import migrations


def _on_postgresql(forward_sql: str, backward_sql: str) -> migrations.RunPython:
    def forward(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(forward_sql)

    def backward(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(backward_sql)

    return migrations.RunPython(forward, backward)


def _expression(field: str) -> str:
    return f'UPPER("{field}"::text)'


def search_indexes(
    table: str, fields: tuple[str, ...], prefix: str
) -> migrations.RunPython:
    """`<prefix>_<field>_trgm_idx` for each field searched anywhere in its text."""
    names = {field: f"{prefix}_{field}_trgm_idx" for field in fields}
    return _on_postgresql(
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
        + "".join(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table}"
            f" USING gin ({_expression(field)} gin_trgm_ops);"
            for field, name in names.items()
        ),
        "".join(f"DROP INDEX IF EXISTS {name};" for name in names.values()),
    )


def prefix_indexes(
    table: str, fields: tuple[str, ...], prefix: str
) -> migrations.RunPython:
    """`<prefix>_<field>_prefix_idx` for each field searched from its start ("^field")."""
    names = {field: f"{prefix}_{field}_prefix_idx" for field in fields}
    return _on_postgresql(
        "".join(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table}"
            f" ({_expression(field)} text_pattern_ops);"
            for field, name in names.items()
        ),
        "".join(f"DROP INDEX IF EXISTS {name};" for name in names.values()),
    )
