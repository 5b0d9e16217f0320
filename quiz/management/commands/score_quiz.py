from __future__ import annotations

import json
import re

from django.core.management.base import BaseCommand, CommandError

from quiz import instruments, scoring


class Command(BaseCommand):
    help = (
        "Score a paper questionnaire: give the instrument (ecr-r or ecr-rs) and the "
        "answers (1 to 7) in item-number order. Prints one line of JSON. Any wrong input "
        "exits with status 2 and a one-line message, and prints no JSON."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("instrument", help="ecr-r or ecr-rs")
        parser.add_argument(
            "answers", nargs="*", help="answers 1-7 in item-number order"
        )

    def handle(self, *args, instrument: str, answers: list[str], **options) -> None:
        found = instruments.get(instrument)
        if found is None:
            known = ", ".join(i.slug for i in instruments.available())
            raise CommandError(
                f"unknown instrument {instrument!r}: use one of {known}", returncode=2
            )
        if len(answers) != len(found.items):
            raise CommandError(
                f"{found.slug} needs {len(found.items)} answers, got {len(answers)}",
                returncode=2,
            )
        values = {}
        for number, text in enumerate(answers, start=1):
            # Not int() alone: it also reads "٥" as 5, and "1_0" and " 5 " as numbers.
            if not re.fullmatch(r"-?[0-9]+", text):
                raise CommandError(
                    f"answer {number} is {text!r}, not a whole number", returncode=2
                )
            value = int(text)
            if not scoring.LOWEST <= value <= scoring.HIGHEST:
                raise CommandError(
                    f"answer {number} is {value}, outside 1..7", returncode=2
                )
            values[number] = value
        scores = scoring.score(found, values).rounded()
        line = {
            "instrument": found.slug,
            "anxiety": scores.anxiety,
            "avoidance": scores.avoidance,
            "style": scoring.style_for(scores.anxiety, scores.avoidance),
        }
        self.stdout.write(json.dumps(line))
