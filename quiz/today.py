"""The quiz's panel on the admin's "Today": results by style, month by month, from the
anonymous tallies alone (core.today). Nothing new is stored."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Sum
from django.http import HttpRequest
from django.utils import formats, timezone

from core import placeholders
from core.notices import Notice
from quiz.models import Practice, ResultTally, Style, StyleGuidance

MONTHS = 6
# The chart's drawing units: a label column, then bars up to BAR_SPACE long.
LABEL_WIDTH = 150
BAR_SPACE = 200
ROW_HEIGHT = 34
BAR_HEIGHT = 12


def months_back(today: date, count: int) -> list[date]:
    """The first days of this month and the count - 1 before it, newest first."""
    firsts, year, month = [], today.year, today.month
    for _ in range(count):
        firsts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts


def results_context(request: HttpRequest, now: datetime | None = None) -> dict:
    months = months_back(timezone.localdate(now), MONTHS)
    counts: dict[tuple[date, str], int] = {}
    for row in (
        ResultTally.objects.filter(month__gte=months[-1])
        .values("month", "style")
        .annotate(total=Sum("count"))
    ):
        counts[(row["month"], row["style"])] = row["total"]
    styles = Style.Slug.choices
    table = [
        {
            "label": formats.date_format(month, "F Y"),
            "counts": [counts.get((month, slug), 0) for slug, _ in styles],
            "total": sum(counts.get((month, slug), 0) for slug, _ in styles),
        }
        for month in months
    ]
    return {
        "styles": [label for _, label in styles],
        "table": table,
        "chart": chart(styles, counts, this=months[0], last=months[1]),
        "this_month": table[0]["label"],
        "last_month": table[1]["label"],
    }


def chart(styles, counts, *, this: date, last: date) -> dict:
    """Bars for this month and last, per style, scaled to the largest count."""
    largest = max(
        [counts.get((m, s), 0) for m in (this, last) for s, _ in styles] + [1]
    )
    rows = []
    for index, (slug, label) in enumerate(styles):
        top = index * ROW_HEIGHT
        bars = []
        for offset, (month, kind) in enumerate(((this, "this"), (last, "last"))):
            count = counts.get((month, slug), 0)
            length = round(BAR_SPACE * count / largest)
            y = top + 4 + offset * (BAR_HEIGHT + 2)
            bars.append(
                {
                    "kind": kind,
                    "count": count,
                    "y": y,
                    "width": length,
                    "text_x": LABEL_WIDTH + length + 4,
                    "text_y": y + BAR_HEIGHT - 2,
                }
            )
        rows.append({"label": label, "label_y": top + 19, "bars": bars})
    return {
        "rows": rows,
        "width": LABEL_WIDTH + BAR_SPACE + 40,
        "height": len(styles) * ROW_HEIGHT,
        "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }


def placeholder_notices() -> list[Notice]:
    return placeholders.notices(
        [
            (Style, ["name", "summary", "description"]),
            (Practice, ["name", "text"]),
            (StyleGuidance, ["steps"]),
        ]
    )
