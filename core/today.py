"""The admin's home page, "Today": one panel per app, put together without imports.

Each app adds its panel in AppConfig.ready(): a template and a function that returns
the panel's context (the consults of the coming week, the quiz's monthly results...).
The function should cost a fixed number of queries whatever the data, so the page
stays fast on a busy week.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    context: Callable[[HttpRequest], dict]
    order: int = 50


PANELS: dict[str, Panel] = {}


def add_panel(panel: Panel) -> None:
    PANELS[panel.name] = panel


def current(request: HttpRequest) -> list[tuple[str, dict]]:
    """Each panel's template and context, in order."""
    ordered = sorted(PANELS.values(), key=lambda panel: (panel.order, panel.name))
    return [(panel.template, panel.context(request)) for panel in ordered]
