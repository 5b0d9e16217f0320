"""Answers in progress as a compact string ("3,5,,7": item 1 is 3, item 3 empty).

Pure: the view keeps the string in a signed cookie; this module only reads and writes it.
Anything unreadable is dropped rather than trusted.
"""

from __future__ import annotations

from collections.abc import Mapping

from quiz.instruments import ANSWERS


def encode(answers: Mapping[int, int], count: int) -> str:
    return ",".join(str(answers.get(n, "")) for n in range(1, count + 1))


def decode(text: str | None, count: int) -> dict[int, int]:
    if not text:
        return {}
    answers = {}
    for number, part in enumerate(text.split(",")[:count], start=1):
        if part in ANSWERS:
            answers[number] = int(part)
    return answers
