from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

import articles.queries
from articles.models import Article
from quiz.models import ResultTally


def count_result(*, instrument: str, style: str, taken_on: date) -> None:
    """Add one to the anonymous monthly tally; the only row a quiz ever writes."""
    month = taken_on.replace(day=1)
    rows = ResultTally.objects.filter(instrument=instrument, style=style, month=month)
    # An UPDATE ... SET count = count + 1 is atomic in the database, so two visitors
    # finishing at once both count; the create only happens for a month's first result.
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ResultTally.objects.create(
                instrument=instrument, style=style, month=month, count=1
            )
    except IntegrityError:  # another request created the row a moment ago
        rows.update(count=F("count") + 1)


def further_reading(style: str) -> list[Article]:
    """Published articles tagged with the style's slug, for the result page."""
    return articles.queries.further_reading(style, limit=3)
