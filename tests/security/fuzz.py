"""The machinery of the property-based fuzzer: hostile values, the site's URL patterns and forms, and the property.

Nothing here knows the site's pages: the URL patterns come from the resolver and the
forms from the HTML the pages serve, so a new app is fuzzed as soon as it is routed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

from django.core import signing
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, PathConverter
from django.urls.resolvers import RegexPattern, RoutePattern
from hypothesis import strategies as st

# Markup that must never come back unescaped: if a response holds one of these raw, an
# input reached the page without escaping.
PROBES = [
    "<fzprobe>",
    '"><fzprobe x=1>',
    "'><script>fzprobe()</script>",
    "</textarea><fzprobe>",
    "<img src=x onerror=fzprobe()>",
    "<svg/onload=fzprobe()>",
]
ECHOES = [b"<fzprobe", b"<script>fzprobe", b"<img src=x onerror", b"<svg/onload"]

FRAGMENTS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n\r\nSet-Cookie: x=1",
    "' OR '1'='1",
    "'; DROP TABLE booking_booking; --",
    '" OR ""="',
    "1; SELECT pg_sleep(0)",
    "{{ 7|add:7 }}",
    "{% debug %}",
    "${7*7}",
    "../../../../etc/passwd",
    "%00",
    "%2e%2e%2f",
    "-1",
    "0",
    "1e309",
    "NaN",
    "-Infinity",
    "99999999999999999999999999999999",
    "-9223372036854775809",
    "0x7fffffff",
    "true",
    "null",
    "[]",
    '{"a": 1}',
    "2026-02-30",
    "2026-03-08T02:30",
    "9999-12-31T23:59:59+99:00",
    "0000-00-00",
    "a@b",
    "x" * 250 + "@example.org",
    "مرحبا بالعالم",
    "𝕳𝖊𝖑𝖑𝖔 🫶🏽",
    "\u202eevil\u202c",
    "Ｔｅｓｔ",
    "\ufeff",
]

# Not surrogates: a browser cannot send them either.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
LONG = st.builds(
    lambda piece, times: piece * times,
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=4),
    st.integers(min_value=300, max_value=20_000),
)
PROBE = st.builds(
    lambda before, probe, after: before + probe + after,
    TEXT,
    st.sampled_from(PROBES),
    TEXT,
)


def tampered(value: str) -> st.SearchStrategy[str]:
    """A real token or value, damaged: one character changed, cut short, or extended."""
    if not value:
        return st.just("")
    return st.one_of(
        st.builds(
            lambda i, c: value[:i] + c + value[i + 1 :],
            st.integers(0, len(value) - 1),
            st.sampled_from("AZaz09-_:.="),
        ),
        st.integers(0, len(value) - 1).map(lambda i: value[:i]),
        TEXT.map(lambda extra: value + extra),
        st.just(value[::-1]),
    )


SIGNED = st.builds(
    lambda obj, salt, key: signing.dumps(obj, salt=salt, key=key),
    st.one_of(st.integers(), TEXT, st.dictionaries(TEXT, st.integers(), max_size=3)),
    st.sampled_from(["", "quiz.result", "booking", "booking.manage", "booking.form"]),
    st.sampled_from([None, "not-the-site-secret-key"]),
).flatmap(lambda token: st.one_of(st.just(token), tampered(token)))

HOSTILE = st.one_of(
    TEXT, LONG, PROBE, st.sampled_from(FRAGMENTS), SIGNED, st.integers().map(str)
)
MISSING = object()


def hostile_dict(max_size: int = 4) -> st.SearchStrategy[dict]:
    return st.dictionaries(
        st.one_of(
            st.sampled_from(["id", "pk", "email", "name", "token", "next", "page"]),
            TEXT.filter(bool),
        ),
        st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3)),
        max_size=max_size,
    )


# The URL patterns


@dataclass(frozen=True)
class Route:
    """One URL pattern, with its include() prefixes, as a readable id and a path maker."""

    parts: tuple

    @property
    def label(self) -> str:
        return "".join(str(part) for part in self.parts) or "/"

    @property
    def is_admin(self) -> bool:
        return self.label.startswith("admin/")

    @property
    def is_fixed(self) -> bool:
        """No parameter: a page that can simply be visited."""
        return all(isinstance(p, RoutePattern) and not p.converters for p in self.parts)

    def fixed_path(self) -> str:
        return "/" + "".join(str(p) for p in self.parts)

    def paths(self) -> st.SearchStrategy[str]:
        return st.tuples(*[_segment(p) for p in self.parts]).map(
            lambda pieces: "/" + "".join(pieces)
        )


def _segment(pattern) -> st.SearchStrategy[str]:
    if isinstance(pattern, RegexPattern):
        raw = pattern._regex.lstrip("^").rstrip("$")
        return st.from_regex(re.compile(raw), fullmatch=True).map(
            lambda s: quote(s, safe="/")
        )
    route = str(pattern)
    pieces = re.split(r"<(?:[^>:]+:)?([^>]+)>", route)
    strategies = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            strategies.append(st.just(piece))
        else:
            strategies.append(_parameter(pattern.converters[piece]))
    return st.tuples(*strategies).map("".join)


def _parameter(converter) -> st.SearchStrategy[str]:
    safe = "/" if isinstance(converter, PathConverter) else ""
    matching = st.from_regex(re.compile(converter.regex), fullmatch=True)
    absurd = [matching, HOSTILE, SIGNED]
    if isinstance(converter, IntConverter):
        absurd += [
            st.integers(min_value=0, max_value=10**40).map(str),
            st.sampled_from(["0", "2147483648", "9223372036854775808"]),
        ]
    return st.one_of(*absurd).filter(bool).map(lambda s: quote(s, safe=safe))


def all_routes() -> list[Route]:
    def walk(resolver: URLResolver, prefix: tuple) -> list[Route]:
        found = []
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                found += walk(entry, (*prefix, entry.pattern))
            elif isinstance(entry, URLPattern):
                found.append(Route((*prefix, entry.pattern)))
        return found

    return walk(get_resolver(), ())


# The forms the pages serve


@dataclass
class Field:
    name: str
    kind: str
    value: str = ""
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: dict[str, Field]

    @property
    def key(self) -> tuple:
        return (self.action, self.method, tuple(sorted(self.fields)))


class _FormParser(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.page = page
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._select: Field | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.page, a["href"]))
        elif tag == "form":
            action = urljoin(self.page, a.get("action") or self.page)
            self.forms.append(
                Form(self.page, action, (a.get("method") or "get").lower(), {})
            )
        elif self.forms and tag in ("input", "textarea", "select", "button"):
            name = a.get("name")
            if not name:
                return
            fields = self.forms[-1].fields
            known = fields.setdefault(
                name, Field(name, a.get("type", tag), a.get("value", ""))
            )
            if a.get("type") in ("radio", "checkbox") or tag == "button":
                known.options.append(a.get("value", "on"))
            if tag == "select":
                self._select = known
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def field_values(f: Field) -> st.SearchStrategy:
    choices = [st.just(MISSING), HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3)]
    if f.options:
        # Mostly real choices, so the fuzzer gets past the first validation error.
        real = st.sampled_from(f.options)
        choices += [real, real, real, st.lists(real, min_size=1, max_size=3)]
    if f.value:
        choices += [st.just(f.value), st.just(f.value), tampered(f.value)]
    return st.one_of(*choices)


def site_path(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(("/static/", "/media/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client: Client, start: list[str], *, limit: int) -> list[Form]:
    """Visit the start pages and the site's pages they link to; return every distinct form."""
    seen: set[str] = set()
    queue = list(start)
    forms: dict[tuple, Form] = {}
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        parser = _FormParser("http://testserver" + path)
        parser.feed(response.content.decode("utf-8", "replace"))
        for form in parser.forms:
            action = site_path(form.action)
            if action is not None and form.fields:
                form.action = action
                forms.setdefault(form.key, form)
        queue += [p for p in map(site_path, parser.links) if p and p not in seen]
    return list(forms.values())


# The property


# Rows these write on any request, by design: sessions, the login-attempt records, and
# the rate limits' counts (an attempt counts whether or not its form was right).
UNCOUNTED = ("django_session", "axes_", "core_ratecount")


def row_counts() -> dict[str, int]:
    tables = [
        t
        for t in connection.introspection.django_table_names(only_existing=True)
        if not t.startswith(UNCOUNTED)
    ]
    quoted = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quoted(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def is_success_redirect(response) -> bool:
    return 300 <= response.status_code < 400 or "HX-Redirect" in response.headers


def assert_unbroken(response, before: dict[str, int], what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code}"
    if "html" in response.get("Content-Type", ""):
        body = body_of(response)
        for echo in ECHOES:
            assert echo not in body, f"{what}: unescaped echo of {echo!r}"
    if not is_success_redirect(response):
        after = row_counts()
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        assert not changed, (
            f"{what}: rows written by a {response.status_code}: {changed}"
        )


class Tally:
    """Counts the requests the fuzzer made, for bench/fuzz.sh (FUZZ_REPORT=path)."""

    def __init__(self, name: str):
        self.name = name
        self.count = 0

    def report(self) -> None:
        print(f"\nfuzz: {self.count} hostile requests tried ({self.name})")
        report = os.environ.get("FUZZ_REPORT")
        if report:
            with open(report, "a") as out:
                out.write(f"{self.count}\t{self.name}\n")
