"""No template of ours needs what the Content Security Policy forbids.

The policy blocks inline script, inline style and event-handler attributes; a template
that used one would break quietly in the browser. This scan fails first, naming the file
and line. JSON-LD data blocks (<script type="application/ld+json">) are data, not script,
and are allowed. Email templates are skipped: mail clients never see our CSP.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)
FORBIDDEN = [
    (re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I | re.S), "a style= attribute"),
    (re.compile(r"<style\b", re.I), "an inline <style> element"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I | re.S), "an on...= event handler"),
    (re.compile(r"<[a-z][^>]*\s(hx|data-hx)-on", re.I | re.S), "an hx-on attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def our_templates() -> list[Path]:
    folders = [Path(d) for t in settings.TEMPLATES for d in t["DIRS"]]
    folders += [
        Path(app.path) / "templates"
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(ROOT) and ".venv" not in Path(app.path).parts
    ]
    return sorted(
        path
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.suffix in (".html", ".svg") and "emails" not in path.parts
    )


COMMENTS = re.compile(
    r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}|<!--.*?-->", re.S
)


def problems_in(text: str) -> list[tuple[int, str]]:
    # Comments may talk about <style>; blank them out, keeping the line numbers.
    text = COMMENTS.sub(lambda m: "\n" * m[0].count("\n"), text)
    found = []
    for match in SCRIPT_TAG.finditer(text):
        attributes = match[1]
        is_data = re.search(r"""type\s*=\s*["']application/ld\+json["']""", attributes)
        if not is_data and not re.search(r"\ssrc\s*=", attributes):
            found.append((match.start(), "an inline <script>"))
    for pattern, what in FORBIDDEN:
        found += [(m.start(), what) for m in pattern.finditer(text)]
    return [(text.count("\n", 0, offset) + 1, what) for offset, what in found]


def test_the_scan_finds_templates_of_every_app():
    names = {p.relative_to(ROOT).parts[0] for p in our_templates()}
    assert "templates" in names
    assert len(our_templates()) >= 8


def test_no_template_has_inline_script_style_or_event_handlers():
    report = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in our_templates()
        for line, what in problems_in(path.read_text(encoding="utf-8"))
    ]
    assert report == [], "these break under the Content Security Policy:\n" + "\n".join(
        report
    )


def test_the_scan_catches_each_thing_the_policy_forbids():
    planted = [
        "<script>alert(1)</script>",
        '<script type="text/javascript">x()</script>',
        '<p style="color: red">',
        "<style>p { color: red }</style>",
        '<button onclick="go()">',
        '<button hx-on:click="go()">',
        '<a href="javascript:go()">',
    ]
    for snippet in planted:
        assert problems_in(snippet), snippet


def test_the_scan_allows_script_files_and_structured_data():
    allowed = [
        '<script src="/static/js/htmx.min.js" defer></script>',
        '<script type="application/ld+json">{"@type": "FAQPage"}</script>',
        '<p class="style">styled by class</p>',
        '<a href="/online-therapy/">online</a>',
    ]
    for snippet in allowed:
        assert problems_in(snippet) == [], snippet
