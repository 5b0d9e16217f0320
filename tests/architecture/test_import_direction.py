"""The apps stand on one another in one order, and no import runs the other way.

    booking  ->  quiz  ->  articles  ->  attachment (the site)  ->  core

An app may import itself and anything below it, never above: a cycle, or the ground
floor (core) reaching into a feature, fails here with the file and line. Imports inside
functions count too. The root URLconf joins the apps with include("app.urls") strings.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["core", "attachment", "articles", "quiz", "booking"]  # lowest first


def imported_apps(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [
            (node.lineno, n.split(".")[0]) for n in names if n.split(".")[0] in LAYERS
        ]
    return found


def upward_imports(app: str) -> list[str]:
    allowed = set(LAYERS[: LAYERS.index(app) + 1])
    return [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path in sorted((ROOT / app).rglob("*.py"))
        for line, target in imported_apps(path)
        if target not in allowed
    ]


@pytest.mark.parametrize("app", LAYERS)
def test_no_app_imports_one_above_it(app):
    assert upward_imports(app) == []


def test_the_check_catches_an_upward_import(tmp_path, monkeypatch):
    fake = tmp_path / "core"
    fake.mkdir()
    (fake / "oops.py").write_text("def f():\n    from booking.models import Booking\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert upward_imports("core") == ["core/oops.py:2 imports booking"]
