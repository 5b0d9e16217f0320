"""A quiz result as a signed link: the instrument, both scores, the date, who the
statements were about (for the ECR-RS) and whether every answer was the same; no answers.

Other apps call make_result_token, read_result_token and result_path: booking lets a
visitor attach the link to a consult request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from quiz import instruments, relationships, scoring

SALT = "quiz.result"


@dataclass(frozen=True)
class QuizResult:
    instrument: str
    anxiety: float
    avoidance: float
    taken_on: date
    about: str = (
        ""  # who the statements were about; "" for a questionnaire about everyone
    )
    answered_alike: bool = False

    @property
    def style(self) -> str:
        return scoring.style_for(self.anxiety, self.avoidance)

    @property
    def claims_style(self) -> bool:
        return scoring.claims_style(self.anxiety, self.avoidance)

    @property
    def nearby(self) -> list[str]:
        return scoring.nearby_styles(self.anxiety, self.avoidance)

    @property
    def relationship(self) -> str:
        """How the result names the relationship ("with your mother or mother-figure")."""
        return str(relationships.WITH[self.about]) if self.about else ""


def make_result_token(
    *,
    instrument: str,
    anxiety: float,
    avoidance: float,
    taken_on: date,
    about: str = "",
    answered_alike: bool = False,
) -> str:
    payload = {
        "i": instrument,
        "x": round(anxiety, 2),
        "v": round(avoidance, 2),
        "d": taken_on.isoformat(),
    }
    if about:
        payload["t"] = about
    if answered_alike:
        payload["s"] = 1
    return signing.dumps(payload, salt=SALT, compress=True)


def read_result_token(token: str) -> QuizResult | None:
    """The result in a token, or None when it is tampered with, truncated or nonsense."""
    try:
        payload = signing.loads(token, salt=SALT)
        result = QuizResult(
            instrument=str(payload["i"]),
            anxiety=float(payload["x"]),
            avoidance=float(payload["v"]),
            taken_on=date.fromisoformat(payload["d"]),
            about=str(payload.get("t", "")),
            answered_alike=payload.get("s") == 1,
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return None
    if instruments.get(result.instrument) is None:
        return None
    if relationships.asks_about_one_person(result.instrument):
        # Links made before the visitor could choose were always about a partner.
        if not result.about:
            result = replace(result, about=relationships.PARTNER)
        if relationships.read(result.about) is None:
            return None
    elif result.about:
        return None
    in_range = all(
        scoring.LOWEST <= score <= scoring.HIGHEST
        for score in (result.anxiety, result.avoidance)
    )
    return result if in_range else None


def result_path(token: str) -> str:
    return reverse("quiz:result", kwargs={"token": token})


# The chart: a 1-7 by 1-7 plane, avoidance across, anxiety up, drawn in a 340 x 340 box.
PLOT_LEFT, PLOT_TOP, UNIT = 50, 20, 45


def chart(anxiety: float, avoidance: float) -> dict[str, float]:
    """Coordinates for the result's SVG chart (the point and the midlines)."""

    def x(score: float) -> float:
        return round(PLOT_LEFT + (score - scoring.LOWEST) * UNIT, 1)

    def y(score: float) -> float:
        return round(PLOT_TOP + (scoring.HIGHEST - score) * UNIT, 1)

    return {
        "x": x(avoidance),
        "y": y(anxiety),
        "left": x(scoring.LOWEST),
        "right": x(scoring.HIGHEST),
        "top": y(scoring.HIGHEST),
        "bottom": y(scoring.LOWEST),
        "mid_x": x(scoring.MIDPOINT),
        "mid_y": y(scoring.MIDPOINT),
    }


@dataclass(frozen=True)
class ChartLabel:
    name: str
    x: float
    y: float
    first: str  # the name's first line
    rest: str  # its second line, if any


# Where each style's name starts in its quarter of the chart; a second line goes below.
LABEL_AT = {
    scoring.SECURE: (117.5, 226),
    scoring.ANXIOUS: (117.5, 91),
    scoring.DISMISSIVE: (252.5, 226),
    scoring.FEARFUL: (252.5, 91),
}


def chart_labels(names: Mapping[str, str]) -> list[ChartLabel]:
    """The quarters' names, by style slug, in LABEL_AT's order. A quarter is narrow, so a
    name goes on two lines: after its first hyphen ("Anxious-", "preoccupied"), or else
    at its first space."""
    labels = []
    for slug, (x, y) in LABEL_AT.items():
        name = names[slug]
        first, hyphen, rest = name.partition("-")
        if hyphen:
            first += hyphen
        else:
            first, _space, rest = name.partition(" ")
        labels.append(ChartLabel(name, x, y, first, rest.strip()))
    return labels


_WORDS = {
    ("anxiety", "high"): _(
        "Above the midpoint of the scale: you may often worry whether the people you "
        "love will stay close, and find yourself looking for reassurance."
    ),
    ("anxiety", "near"): _(
        "Close to the midpoint of the scale: some worry about being let down or left, "
        "more at some times and in some relationships than others."
    ),
    ("anxiety", "low"): _(
        "Below the midpoint of the scale: worry about being rejected or left does not "
        "seem to take up much room in your relationships."
    ),
    ("avoidance", "high"): _(
        "Above the midpoint of the scale: you may tend to keep some distance, and find "
        "it uncomfortable to depend on others or to open up."
    ),
    ("avoidance", "near"): _(
        "Close to the midpoint of the scale: closeness feels comfortable at some times "
        "and in some relationships, less so in others."
    ),
    ("avoidance", "low"): _(
        "Below the midpoint of the scale: being close and depending on others seem "
        "fairly comfortable for you."
    ),
}


# For a questionnaire about one chosen person: the words speak of that person only.
_WORDS_ONE_PERSON = {
    ("anxiety", "high"): _(
        "Above the middle of the scale: you may often worry whether this person will "
        "stay close, or look to them for reassurance."
    ),
    ("anxiety", "near"): _(
        "Near the middle of the scale: some worry about being let down or left by this "
        "person, more at some times than others."
    ),
    ("anxiety", "low"): _(
        "Below the middle of the scale: worry about being rejected or left by this "
        "person does not seem to take up much room."
    ),
    ("avoidance", "high"): _(
        "Above the middle of the scale: you may keep some distance from this person, "
        "and find it uncomfortable to depend on them or to open up to them."
    ),
    ("avoidance", "near"): _(
        "Near the middle of the scale: being close to this person feels comfortable at "
        "some times, less so at others."
    ),
    ("avoidance", "low"): _(
        "Below the middle of the scale: being close to this person and depending on "
        "them seem fairly comfortable for you."
    ),
}


def describe_score(dimension: str, score: float, *, one_person: bool = False) -> str:
    if scoring.near_border(score):
        band = "near"
    else:
        band = "high" if scoring.is_elevated(score) else "low"
    return str((_WORDS_ONE_PERSON if one_person else _WORDS)[(dimension, band)])
