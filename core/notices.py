"""What needs the therapist's attention, shown at the top of the admin's home page.

Each app adds a source in its AppConfig.ready(): a function that returns the notices
it has now (an advert phrase the College's rules forbid, a calendar that stopped
answering, an email that could not be sent). The admin asks them all when she opens
it; no app imports another to be listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Notice:
    text: str
    url: str = ""
    level: Literal["info", "warning", "error"] = "warning"


SOURCES: list[Callable[[], Iterable[Notice]]] = []


def add_source(source: Callable[[], Iterable[Notice]]) -> None:
    if source not in SOURCES:
        SOURCES.append(source)


def current() -> list[Notice]:
    return [notice for source in SOURCES for notice in source()]
