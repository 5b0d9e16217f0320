"""The one-page questionnaire renders each statement once and reuses it
(quiz/statements.py): what a visitor sees must be exactly what the template gives for
their own answers and errors, never a copy made for someone else."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client

from quiz import instruments, statements
from quiz.forms import LABELS

pytestmark = pytest.mark.django_db


def rendered_afresh(instrument, answers, missing) -> list[str]:
    return [
        render_to_string(
            "quiz/questionnaire.html#statement",
            {
                "item": item,
                "total": len(instrument.items),
                "answer": answers.get(item.number),
                "missing": item.number in missing,
                "labels": LABELS,
            },
        )
        for item in instrument.items
    ]


@pytest.mark.parametrize("slug", ["ecr-r", "ecr-rs"])
def test_reused_statements_are_the_template_rendered_for_this_visitor(slug):
    instrument = instruments.get(slug)
    # Visitors one after another: the same statement with other answers and errors,
    # then the first visitor again.
    visitors = [
        ({}, set()),
        ({1: 3, 2: 7, 5: 1}, {3, 4}),
        ({1: 5, 3: 3}, {2, 5}),
        ({}, set()),
        ({1: 3, 2: 7, 5: 1}, {3, 4}),
    ]
    for answers, missing in visitors:
        assert statements.render(instrument, answers, missing) == rendered_afresh(
            instrument, answers, missing
        )


def test_the_page_shows_this_visitors_answers_and_errors_and_no_one_elses(
    client: Client,
):
    client.post("/quiz/ecr-r/answer/", {"item": "2", "answer": "6"})
    answers = {f"item-{n}": "3" for n in range(1, 35)}
    answers["item-7"] = "9"  # not one of the seven choices
    page = client.post("/quiz/ecr-r/", answers).text
    assert "The answer given for statement 7 was not one of the seven choices" in page
    for number in (7, 35, 36):
        assert f'aria-describedby="item-{number}-error"' in page
        assert f'<p class="errorlist" id="item-{number}-error">' in page
    assert page.count('class="errorlist"') == 3
    checked = re.findall(r'id="(item-\d+-\d)"[^>]*checked>', page)
    assert len(checked) == 33 and "item-2-3" in checked and "item-7-3" not in checked

    someone_else = Client().get("/quiz/ecr-r/").text
    assert "checked>" not in someone_else
    assert "errorlist" not in someone_else and "quiz-item--missing" not in someone_else
