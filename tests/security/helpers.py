"""Small helpers shared by the security tests: a finished quiz, a booking, a whole-database search."""

from __future__ import annotations

from django.db import connection
from django.test import Client

from quiz import instruments

QUIZ = "ecr-r"


def quiz_answers(value: int = 5) -> dict[str, str]:
    return {f"item-{n}": str(value) for n in instruments.get(QUIZ).numbers}


def finish_quiz(client: Client, **headers):
    return client.post(f"/quiz/{QUIZ}/", quiz_answers(), headers=headers)


def rows_containing(text: str) -> dict[str, int]:
    """Every table with a row whose text contains `text` (PostgreSQL: row::text)."""
    found = {}
    quoted = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True):
            cursor.execute(
                f"SELECT count(*) FROM {quoted(table)} AS r WHERE r::text ILIKE %s",
                [f"%{text}%"],
            )
            count = cursor.fetchone()[0]
            if count:
                found[table] = count
    return found
