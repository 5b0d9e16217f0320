"""Scoring, as one pure rule used everywhere on the site. No Django imports here.

An answer is an integer 1..7; a reverse-keyed answer x counts as 8 - x; each
dimension's score is the mean of its items (1.0 to 7.0). A dimension is elevated when
its score is strictly above 4.0, the scale's midpoint.

The border note: attachment is dimensional, so when a score lies within 0.5 of the
midpoint (3.5 <= score <= 4.5, both ends included) the result also names the style
across that border, the one the visitor would have if that dimension alone fell on
the other side.

Styles are a grouping this site applies to two continuous scores, so the result is
honest about the border band: when both scores lie in it, no one style is claimed; when
one does, every style whose quarter lies within the band is named (nearby_styles).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from quiz.instruments import HIGHEST, LOWEST, Instrument

MIDPOINT = 4.0
BORDER_DISTANCE = 0.5

SECURE = "secure"
ANXIOUS = "anxious-preoccupied"
DISMISSIVE = "dismissive-avoidant"
FEARFUL = "fearful-avoidant"
STYLES = (SECURE, ANXIOUS, DISMISSIVE, FEARFUL)
# (anxiety raised, avoidance raised) -> the style the site calls that quadrant.
STYLE_BY_QUADRANT = {
    (False, False): SECURE,
    (True, False): ANXIOUS,
    (False, True): DISMISSIVE,
    (True, True): FEARFUL,
}


class AnswerError(ValueError):
    """Answers that cannot be scored; the message says what is wrong."""


@dataclass(frozen=True)
class Scores:
    anxiety: float
    avoidance: float

    def rounded(self) -> Scores:
        return Scores(round(self.anxiety, 2), round(self.avoidance, 2))


def is_elevated(score: float) -> bool:
    return score > MIDPOINT


def style_for(anxiety: float, avoidance: float) -> str:
    return STYLE_BY_QUADRANT[(is_elevated(anxiety), is_elevated(avoidance))]


def near_border(score: float) -> bool:
    return abs(score - MIDPOINT) <= BORDER_DISTANCE


def neighbouring_styles(anxiety: float, avoidance: float) -> list[str]:
    """The styles across each border the point lies close to (anxiety's first)."""
    anxious, avoidant = is_elevated(anxiety), is_elevated(avoidance)
    neighbours = []
    if near_border(anxiety):
        neighbours.append(STYLE_BY_QUADRANT[(not anxious, avoidant)])
    if near_border(avoidance):
        neighbours.append(STYLE_BY_QUADRANT[(anxious, not avoidant)])
    return neighbours


def claims_style(anxiety: float, avoidance: float) -> bool:
    """False when both scores sit in the border band: all four styles are then about
    equally near, and naming one would claim more than the answers say."""
    return not (near_border(anxiety) and near_border(avoidance))


def nearby_styles(anxiety: float, avoidance: float) -> list[str]:
    """Every style whose quarter lies within the border band of the point, its own first
    and then in STYLES order: one style, two beside one border, four at the centre."""
    anxious_sides = {is_elevated(anxiety)}
    if near_border(anxiety):
        anxious_sides.add(not is_elevated(anxiety))
    avoidant_sides = {is_elevated(avoidance)}
    if near_border(avoidance):
        avoidant_sides.add(not is_elevated(avoidance))
    near = {
        style_for(5.0 if anxious else 3.0, 5.0 if avoidant else 3.0)
        for anxious in anxious_sides
        for avoidant in avoidant_sides
    }
    own = style_for(anxiety, avoidance)
    return [own] + [style for style in STYLES if style in near and style != own]


def answered_alike(answers: Mapping[int, int]) -> bool:
    """Every statement got the same answer. Scores from such a set tell little: half
    the items are reverse-keyed, so the same answer everywhere lands near the middle
    whatever the person feels."""
    return len(answers) > 1 and len(set(answers.values())) == 1


def check_answers(instrument: Instrument, answers: Mapping[int, object]) -> None:
    numbers = set(instrument.numbers)
    unknown = sorted(set(answers) - numbers)
    if unknown:
        raise AnswerError(f"{instrument.slug} has no item {unknown[0]}")
    missing = sorted(numbers - set(answers))
    if missing:
        raise AnswerError(f"item {missing[0]} is unanswered")
    for number, value in sorted(answers.items()):
        if type(value) is not int or not LOWEST <= value <= HIGHEST:
            raise AnswerError(
                f"item {number}: {value!r} is not a whole number from 1 to 7"
            )


def score(instrument: Instrument, answers: Mapping[int, int]) -> Scores:
    """Both dimension scores, exact before any rounding; answers keyed by item number."""
    check_answers(instrument, answers)

    def mean(dimension: str) -> float:
        items = instrument.dimension(dimension)
        keyed = [
            (HIGHEST + 1 - answers[item.number])
            if item.reverse
            else answers[item.number]
            for item in items
        ]
        # Fractions keep the mean exact, so 4.0 is 4.0 and the boundary is honest.
        return float(Fraction(sum(keyed), len(keyed)))

    return Scores(anxiety=mean("anxiety"), avoidance=mean("avoidance"))
