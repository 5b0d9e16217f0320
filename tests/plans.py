"""The plans PostgreSQL picks for what the code sends: the scale tests read them."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext


def plan(sql: str, params=None) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def plans_of(run) -> list[str]:
    """The plan of each statement `run()` sends, EXPLAINed after it ran."""
    with CaptureQueriesContext(connection) as captured:
        run()
    statements = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith(("SELECT", "DELETE", "UPDATE"))
    ]
    return [plan(sql) for sql in statements]


def settle_trigram_indexes(table: str) -> None:
    """What autovacuum would have done by now: new rows wait in a GIN index's pending
    list, which the planner counts against the index until it is merged."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT gin_clean_pending_list(indexrelid::regclass) FROM pg_index"
            " WHERE indrelid = %s::regclass AND indexrelid::regclass::text LIKE %s",
            [table, "%_trgm_idx"],
        )
        cursor.execute(f"ANALYZE {table}")
