"""`manage.py score_quiz`: the therapist scores a paper form."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def score(*args: str) -> str:
    out = StringIO()
    call_command("score_quiz", *args, stdout=out)
    return out.getvalue()


def test_it_prints_one_line_of_json_for_a_paper_ecr_r():
    answers = ["3"] * 18 + ["2"] * 18  # reverse items of avoidance count 6
    line = score("ecr-r", *answers)
    assert line.count("\n") == 1
    data = json.loads(line)
    assert list(data) == ["instrument", "anxiety", "avoidance", "style"]
    assert data["instrument"] == "ecr-r"
    # anxiety: 16 items at 3, items 9 and 11 reversed to 5 -> 58/18
    assert data["anxiety"] == 3.22
    # avoidance: 12 of its 18 items are reversed (2 counts 6), 6 count 2 -> 84/18
    assert data["avoidance"] == 4.67
    assert data["style"] == "dismissive-avoidant"


def test_it_scores_the_short_version():
    data = json.loads(score("ecr-rs", "7", "7", "7", "7", "1", "1", "5", "5", "5"))
    assert data == {
        "instrument": "ecr-rs",
        "anxiety": 5.0,
        "avoidance": 1.0,
        "style": "anxious-preoccupied",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ecr-x", "1"], "unknown instrument 'ecr-x'"),
        (["ecr-rs", "1", "2"], "ecr-rs needs 9 answers, got 2"),
        (["ecr-rs"] + ["4"] * 10, "ecr-rs needs 9 answers, got 10"),
        (["ecr-rs"] + ["4"] * 8 + ["9"], "answer 9 is 9, outside 1..7"),
        (["ecr-rs"] + ["4"] * 8 + ["0"], "answer 9 is 0, outside 1..7"),
        (["ecr-rs", "4", "4.5"] + ["4"] * 7, "answer 2 is '4.5', not a whole number"),
        (["ecr-rs", "four"] + ["4"] * 8, "answer 1 is 'four', not a whole number"),
        (["ecr-rs", "\u0665"] + ["4"] * 8, "answer 1 is '\u0665', not a whole number"),
        (["ecr-rs", "\uff15"] + ["4"] * 8, "answer 1 is '\uff15', not a whole number"),
        (["ecr-rs", "1_0"] + ["4"] * 8, "answer 1 is '1_0', not a whole number"),
        (["ecr-rs", "-1"] + ["4"] * 8, "answer 1 is -1, outside 1..7"),
    ],
)
def test_each_bad_input_exits_2_with_a_message_and_no_json(args, message):
    out = StringIO()
    with pytest.raises(CommandError, match=message) as caught:
        call_command("score_quiz", *args, stdout=out)
    assert caught.value.returncode == 2
    assert out.getvalue() == ""


def run_from_the_shell(*args: str) -> subprocess.CompletedProcess:
    """The command as the therapist runs it, with the site's default log level."""
    env = {name: value for name, value in os.environ.items() if name != "LOG_LEVEL"}
    return subprocess.run(
        [sys.executable, "manage.py", "score_quiz", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_run_from_the_shell_a_bad_answer_exits_2_with_one_line():
    done = run_from_the_shell("ecr-rs", *["4"] * 8, "9")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "CommandError: answer 9 is 9, outside 1..7\n"


def test_run_from_the_shell_a_good_form_exits_0():
    done = run_from_the_shell("ecr-rs", *["4"] * 9)
    assert done.returncode == 0
    assert done.stderr == ""
    assert json.loads(done.stdout) == {
        "instrument": "ecr-rs",
        "anxiety": 4.0,
        "avoidance": 4.0,
        "style": "secure",
    }
