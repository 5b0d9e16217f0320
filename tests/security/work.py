"""Counting the work a request does, so that a test can bound it without a clock.

A step is one Python function starting or resuming (PY_START, PY_RESUME) or one jump
(JUMP: the end of every loop iteration), as sys.monitoring (Python 3.12) reports them.
Between two steps Python runs only the straight-line code of one function, so the
bytecode a request executes is at most (longest function) x steps: steps bound it up to
a constant, and they are the same on every run and every machine.

What steps cannot see is work done inside C: above all a regular expression backtracking
(the old phone pattern spent 30 s in C on 100,000 characters). So Fields also records the
length of every value that reaches a form field's validators: the fields refuse an
over-long value before any validator, so no pattern ever sees more than max_length.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from django.forms import Field

_MONITORING = sys.monitoring
_EVENTS = _MONITORING.events
_TOOL = 4  # not one of the ids Python reserves for debuggers, coverage or profilers


class TooMuchWork(BaseException):
    """Raised inside the request once it passes its budget: a BaseException, so that no
    `except Exception` on the way can swallow it, and the test stops at once."""


class Steps:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.count = 0

    def __enter__(self) -> Steps:
        _MONITORING.use_tool_id(_TOOL, "tests.security.work")
        for event in (_EVENTS.PY_START, _EVENTS.PY_RESUME):
            _MONITORING.register_callback(_TOOL, event, self._code_step)
        _MONITORING.register_callback(_TOOL, _EVENTS.JUMP, self._jump_step)
        _MONITORING.set_events(
            _TOOL, _EVENTS.PY_START | _EVENTS.PY_RESUME | _EVENTS.JUMP
        )
        return self

    def __exit__(self, *exc) -> None:
        _MONITORING.set_events(_TOOL, 0)
        _MONITORING.free_tool_id(_TOOL)

    def _code_step(self, code, offset) -> None:
        self.count += 1
        if self.count > self.budget:
            raise TooMuchWork(self.count)

    def _jump_step(self, code, source, destination) -> None:
        self._code_step(code, source)


@dataclass
class Fields:
    """The longest value each form field's validators were given, by field label."""

    seen: list[tuple[str, int, int]] = field(default_factory=list)

    def install(self, monkeypatch) -> None:
        original = Field.run_validators
        seen = self.seen

        def recording(field_self, value):
            if isinstance(value, str):
                limit = getattr(field_self, "max_length", None)
                seen.append((type(field_self).__name__, limit, len(value)))
            return original(field_self, value)

        monkeypatch.setattr(Field, "run_validators", recording)

    def over_their_limit(self) -> list[tuple[str, int, int]]:
        return [s for s in self.seen if s[1] is not None and s[2] > s[1]]

    def without_a_limit(self, longer_than: int) -> list[tuple[str, int, int]]:
        return [s for s in self.seen if s[1] is None and s[2] > longer_than]
