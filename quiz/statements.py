"""The one-page questionnaire's statements, each variant rendered once per process.

A statement's HTML (its fieldset, legend, error and seven radios) comes from the
questionnaire file, the templates and the language, and from two things the visitor
changes: the answer chosen and whether it is missing. Walking the 36 × 7 radios through
the template engine on every request was most of the page's time (16 of 18 ms), so each
variant is rendered the first time it is needed and reused after. Nothing in it comes
from the database, so nothing she edits can make it stale (her texts stay with
core/cache.py), and there are at most 16 variants of a statement per language.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import cache

from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.autoreload import file_changed
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from quiz.forms import LABELS
from quiz.instruments import Instrument, Item


def render(
    instrument: Instrument, answers: Mapping[int, int], missing: Collection[int]
) -> list[SafeString]:
    language = get_language()
    total = len(instrument.items)
    return [
        _statement(
            item, total, answers.get(item.number), item.number in missing, language
        )
        for item in instrument.items
    ]


@cache
def _statement(
    item: Item, total: int, answer: int | None, missing: bool, language: str
) -> SafeString:
    # `language` is only part of the key: the active language is the one rendered.
    context = {
        "item": item,
        "total": total,
        "answer": answer,
        "missing": missing,
        "labels": LABELS,
    }
    return render_to_string("quiz/questionnaire.html#statement", context)


@receiver(file_changed, dispatch_uid="quiz.statements")
def _forget(**kwargs) -> None:
    """While developing, an edited template shows at the next request (as Django's
    own template loaders do) instead of after a restart."""
    _statement.cache_clear()
