"""Reading answers from a request: nothing a client sends is trusted as it comes."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quiz.instruments import ANSWERS, Instrument

FIELD_PREFIX = "item-"

# 1, 4 and 7 are the authors' anchors; 2, 3, 5 and 6 are ours (the JSON files say so).
LABELS = {
    1: gettext_lazy("Strongly disagree"),
    2: gettext_lazy("Disagree"),
    3: gettext_lazy("Somewhat disagree"),
    4: gettext_lazy("Neutral/mixed"),
    5: gettext_lazy("Somewhat agree"),
    6: gettext_lazy("Agree"),
    7: gettext_lazy("Strongly agree"),
}


def read_answers(
    instrument: Instrument, data: Mapping[str, str]
) -> tuple[dict[int, int], list[str]]:
    """The answers in a submitted form, and a plain message for each value left out."""
    answers: dict[int, int] = {}
    problems: list[str] = []
    for key in data:
        if not key.startswith(FIELD_PREFIX):
            continue
        number = _item_number(instrument, key.removeprefix(FIELD_PREFIX))
        if number is None:
            problems.append(
                _(
                    "We received an answer for a statement this questionnaire does not "
                    "have (“%(field)s”), and left it out."
                )
                % {"field": key[:40]}
            )
            continue
        value = data.get(key, "")
        if value in ANSWERS:
            answers[number] = int(value)
        elif value != "":
            problems.append(
                _(
                    "The answer given for statement %(number)s was not one of the seven "
                    "choices, so it was left out. Please choose again."
                )
                % {"number": number}
            )
    return answers, problems


def read_item(instrument: Instrument, text: str | None) -> int | None:
    return _item_number(instrument, text or "")


def _item_number(instrument: Instrument, text: str) -> int | None:
    if not text.isascii() or not text.isdigit() or len(text) > 4:
        return None
    number = int(text)
    return number if number in instrument.numbers else None
