"""Scoring as a specification: one pure rule, used everywhere on the site."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from quiz import instruments, scoring

ECR_R = instruments.get("ecr-r")
ECR_RS = instruments.get("ecr-rs")


def answers_for(instrument, *, anxiety: int, avoidance: int) -> dict[int, int]:
    """Answers that key to the given values on every item (reverse items answered 8 - x)."""
    wanted = {"anxiety": anxiety, "avoidance": avoidance}
    return {
        item.number: (8 - wanted[item.dimension])
        if item.reverse
        else wanted[item.dimension]
        for item in instrument.items
    }


def test_scoring_imports_nothing_from_django():
    tree = ast.parse(Path(scoring.__file__).read_text())
    imported = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ] + [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ]
    assert not [name for name in imported if name.startswith("django")]
    assert "quiz.instruments" in imported
    instruments_tree = ast.parse(Path(instruments.__file__).read_text())
    assert "django" not in ast.dump(instruments_tree)


def test_a_reverse_keyed_answer_counts_as_eight_minus_it():
    answers = dict.fromkeys(ECR_RS.numbers, 1)
    scores = scoring.score(ECR_RS, answers)
    # Avoidance: items 1-4 reversed (1 -> 7), items 5-6 as given: (7*4 + 1*2) / 6 = 5.0
    assert scores.avoidance == 5.0
    assert scores.anxiety == 1.0


def test_the_ecr_r_reverses_exactly_the_published_items():
    reversed_items = {item.number for item in ECR_R.items if item.reverse}
    assert reversed_items == {9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36}
    assert [i.number for i in ECR_R.dimension("anxiety")] == list(range(1, 19))
    assert [i.number for i in ECR_R.dimension("avoidance")] == list(range(19, 37))


def test_each_dimension_is_the_mean_of_its_items():
    answers = dict.fromkeys(ECR_R.numbers, 4)
    answers[1] = 7  # anxiety, not reversed: +3 over 18 items
    answers[20] = 1  # avoidance, reversed: counts 7, +3 over 18 items
    scores = scoring.score(ECR_R, answers)
    assert scores.anxiety == pytest.approx(4 + 3 / 18)
    assert scores.avoidance == pytest.approx(4 + 3 / 18)
    assert scores.rounded() == scoring.Scores(4.17, 4.17)


@pytest.mark.parametrize("instrument", [ECR_R, ECR_RS], ids=["ecr-r", "ecr-rs"])
@pytest.mark.parametrize(
    ("anxiety", "avoidance", "style"),
    [
        (2, 2, "secure"),
        (6, 2, "anxious-preoccupied"),
        (2, 6, "dismissive-avoidant"),
        (6, 6, "fearful-avoidant"),
    ],
)
def test_every_style_on_both_instruments(instrument, anxiety, avoidance, style):
    scores = scoring.score(
        instrument, answers_for(instrument, anxiety=anxiety, avoidance=avoidance)
    )
    assert (scores.anxiety, scores.avoidance) == (anxiety, avoidance)
    assert scoring.style_for(scores.anxiety, scores.avoidance) == style


def test_exactly_four_is_not_elevated_and_anything_above_is():
    assert scoring.style_for(4.0, 4.0) == "secure"
    assert scoring.style_for(4.01, 4.0) == "anxious-preoccupied"
    assert scoring.style_for(4.0, 4.01) == "dismissive-avoidant"
    assert scoring.style_for(4.01, 4.01) == "fearful-avoidant"
    assert scoring.style_for(3.99, 3.99) == "secure"


def test_a_score_of_exactly_four_from_real_answers_stays_on_the_low_side():
    scores = scoring.score(ECR_RS, answers_for(ECR_RS, anxiety=4, avoidance=4))
    assert scores == scoring.Scores(4.0, 4.0)
    assert scoring.style_for(scores.anxiety, scores.avoidance) == "secure"
    # One step up on one anxiety item: 13/3 = 4.33, elevated.
    answers = answers_for(ECR_RS, anxiety=4, avoidance=4) | {7: 5}
    scores = scoring.score(ECR_RS, answers)
    assert scoring.style_for(scores.anxiety, scores.avoidance) == "anxious-preoccupied"


def test_the_border_note_includes_both_ends_of_the_half_point_band():
    assert scoring.near_border(3.5) and scoring.near_border(4.5)
    assert scoring.near_border(4.0)
    assert not scoring.near_border(3.49) and not scoring.near_border(4.51)


@pytest.mark.parametrize(
    ("anxiety", "avoidance", "neighbours"),
    [
        (2.0, 2.0, []),
        (3.5, 2.0, ["anxious-preoccupied"]),
        (4.5, 2.0, ["secure"]),
        (3.49, 2.0, []),
        (4.51, 2.0, []),
        (2.0, 4.5, ["secure"]),
        (6.0, 3.5, ["fearful-avoidant"]),
        (4.2, 3.8, ["secure", "fearful-avoidant"]),
    ],
)
def test_the_border_note_names_the_style_across_each_close_border(
    anxiety, avoidance, neighbours
):
    assert scoring.neighbouring_styles(anxiety, avoidance) == neighbours


def test_rounding_to_two_decimals_never_moves_a_result_across_a_border():
    # Means are k/18, k/6 or k/3: none lies within 0.005 of 4.0, 3.5 or 4.5 without being on it.
    for denominator in (3, 6, 18):
        for k in range(denominator, 7 * denominator + 1):
            exact = k / denominator
            rounded = round(exact, 2)
            assert scoring.is_elevated(exact) == scoring.is_elevated(rounded)
            assert scoring.near_border(exact) == scoring.near_border(rounded)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (dict.fromkeys(range(1, 9), 4), "item 9 is unanswered"),
        (dict.fromkeys(range(1, 11), 4), "has no item 10"),
        ({**dict.fromkeys(range(1, 10), 4), 3: 9}, "item 3: 9 is not"),
        ({**dict.fromkeys(range(1, 10), 4), 3: "4"}, "item 3: '4' is not"),
        ({**dict.fromkeys(range(1, 10), 4), 3: 0}, "item 3: 0 is not"),
    ],
)
def test_answers_that_cannot_be_scored_are_refused(answers, message):
    with pytest.raises(scoring.AnswerError, match=message):
        scoring.score(ECR_RS, answers)
