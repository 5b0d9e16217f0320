"""No request does more work than its size allows: long, adversarial text to every field
of every form a visitor can post, and to the Markdown the therapist writes in the admin.

Work is counted, not timed (see work.py): the Python steps of each request must stay
within twice those of an ordinary post of the same form, plus a fixed number per byte
sent; and no form field's validators may be handed a value longer than that field's
max_length, which is how the work done in C (regular expressions) stays bounded too. The
shapes are the ones that make parsers and patterns backtrack: a run of one piece
followed by a character that spoils the match, up to the request size limit.
"""

from __future__ import annotations

from itertools import count
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from core.markdown import MARKDOWN_MAX_LENGTH
from tests.security.conftest import FUZZ_PROFILE
from tests.security.fuzz import Form, all_routes, crawl
from tests.security.work import Fields, Steps

pytestmark = pytest.mark.django_db

# The most markdown-it-py spends on one character we found: about 230 steps (on "![").
STEPS_PER_BYTE = 400
ORDINARY_SLACK = 2
LIMIT = django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
CI = settings(FUZZ_PROFILE, max_examples=max(12, FUZZ_PROFILE.max_examples))

PIECES = ["0", "1", "[x][", "[", "![", '"', "'a", "*a", "_a", "a", "-", "+1 (", ".",
          " ", "\\", "&#", "](", "a@", "@a.", "x|", "> ", "`"]  # fmt: skip
SPOILERS = ["", "x", "!", "]", "\x00", "\u2028", "@", "(", "a"]


def adversarial(longest: int) -> st.SearchStrategy[str]:
    """A piece repeated up to `longest` characters, then a character that spoils it."""
    return st.builds(
        lambda piece, times, spoiler, prefix: prefix + piece * times + spoiler,
        st.sampled_from(PIECES) | st.text(min_size=1, max_size=3),
        st.one_of(
            st.integers(1, 64), st.integers(1, longest // 4), st.just(longest // 4)
        ),
        st.sampled_from(SPOILERS),
        st.sampled_from(["", "Alice ", "905 ", "alice", "## "]),
    ).map(lambda s: s[:longest])


# Values that pass each field's own checks, so that the text under test reaches as far
# as it can (the Markdown is rendered only once the rest of the article is valid).
_unique = count()
ORDINARY = {
    "name": lambda: "Alice Martin",
    "email": lambda: "alice@example.org",
    "phone": lambda: "905 555 0101",
    "note": lambda: "Evenings are best.",
    "title": lambda: "Learning to trust again",
    "slug": lambda: f"learning-{next(_unique)}",
    "summary": lambda: "Small steps.",
    "body": lambda: "## Where to begin\n\nSlowly.",
    "question": lambda: "Do you see couples?",
    "answer": lambda: "Yes.",
}


def ordinary_values(form: Form) -> dict[str, str]:
    values = {}
    for name, f in form.fields.items():
        if name in ORDINARY:
            values[name] = ORDINARY[name]()
        elif f.options:
            values[name] = f.options[0]
        else:
            values[name] = f.value
    return values


def text_fields(form: Form) -> list[str]:
    return [
        name
        for name, f in form.fields.items()
        if f.kind in ("text", "textarea", "email", "tel", "hidden", "search", "url")
        and name != "csrfmiddlewaretoken"
    ]


@pytest.fixture(scope="module")
def two_clients() -> tuple[Client, Client]:
    return Client(), Client()


@pytest.fixture
def clients(two_clients, admin_user, settings):
    settings.BOOKING_MIN_SECONDS = 0
    visitor, admin = two_clients
    visitor.cookies.clear()
    admin.cookies.clear()
    admin.force_login(admin_user)
    return visitor, admin


def forms_to_try(visitor: Client, admin: Client) -> list[tuple[Form, str, Client]]:
    routes = [r.fixed_path() for r in all_routes() if r.is_fixed and not r.is_admin]
    public = [f for f in crawl(visitor, routes, limit=80) if f.method == "post"]
    writing = crawl(admin, ["/admin/articles/article/add/"], limit=1)
    faq = crawl(admin, ["/admin/attachment/faqentry/add/"], limit=1)
    targets = []
    for form, client in [(f, visitor) for f in public] + [
        (f, admin) for f in writing + faq if f.method == "post"
    ]:
        targets += [(form, name, client) for name in text_fields(form)]
    return targets


def measured(client: Client, form: Form, values: dict, monkeypatch, budget: int):
    cache.clear()  # rate limits would hide the code behind them
    body = urlencode(values, doseq=True)
    fields = Fields()
    with monkeypatch.context() as patch:
        fields.install(patch)
        with Steps(budget) as steps:
            response = client.post(
                form.action, body, content_type="application/x-www-form-urlencoded"
            )
    return response, steps.count, fields, len(body.encode())


def ordinary_work(targets, monkeypatch) -> dict[tuple, int]:
    """The steps of an ordinary post of each form: the fixed part of its budget."""
    steps_of = {}
    for form, _name, client in targets:
        if form.key not in steps_of:
            values = ordinary_values(form)
            steps_of[form.key] = measured(client, form, values, monkeypatch, 10**9)[1]
    return steps_of


def assert_bounded(form, name, value, client, ordinary_steps, monkeypatch) -> None:
    values = ordinary_values(form) | {name: value}
    size = len(urlencode(values, doseq=True).encode())
    budget = ORDINARY_SLACK * ordinary_steps + STEPS_PER_BYTE * size
    response, steps, fields, size = measured(client, form, values, monkeypatch, budget)
    what = f"POST {form.action} {name}={value[:30]!r}... ({len(value)} chars)"
    assert response.status_code < 500, what
    assert steps <= budget, what
    assert not fields.over_their_limit(), f"{what}: {fields.over_their_limit()}"
    unlimited = fields.without_a_limit(longer_than=MARKDOWN_MAX_LENGTH)
    assert not unlimited, f"{what}: {unlimited}"


def test_every_field_of_every_form_does_work_in_proportion_to_what_was_sent(
    clients, monkeypatch
):
    visitor, admin = clients
    targets = forms_to_try(visitor, admin)
    actions = {form.action for form, _name, _client in targets}
    assert "/book/" in actions and "/admin/articles/article/add/" in actions
    assert any(name == "body" for _f, name, _c in targets)
    ordinary_steps = ordinary_work(targets, monkeypatch)

    @CI
    @given(target=st.sampled_from(targets), data=st.data())
    def attempt(target, data):
        form, name, client = target
        longest = MARKDOWN_MAX_LENGTH + 100 if name == "body" else LIMIT - 2000
        value = data.draw(
            st.one_of(adversarial(longest), adversarial(10_000)), label=name
        )
        assert_bounded(form, name, value, client, ordinary_steps[form.key], monkeypatch)

    attempt()


@pytest.mark.parametrize(
    ("page", "name", "value"),
    [
        ("/book/", "phone", "0" * 100_000 + "x"),
        ("/book/", "phone", "0" * 16_000 + "x"),
        ("/book/", "name", "A" * 100_000),
        ("/book/", "email", "a" * 64 + "@" + "a." * 50_000 + "!"),
        ("/admin/articles/article/add/", "body", "[x][" * 7000),
        ("/admin/articles/article/add/", "body", "[x][" * 8000),
        # The slowest text we found that is within both of the admin's limits.
        (
            "/admin/articles/article/add/",
            "body",
            "![" + "*a" * 2498 + "\n\n" + "*a" * 7_490,
        ),
    ],
    ids=lambda v: v if len(v) < 40 else f"{v[:4]}...{v[-2:]}x{len(v)}",
)
def test_the_attacks_that_once_held_a_worker_do_work_in_proportion_to_their_size(
    clients, monkeypatch, page, name, value
):
    visitor, admin = clients
    client = admin if page.startswith("/admin/") else visitor
    (form,) = [
        f
        for f in crawl(client, [page], limit=1)
        if f.action == page and f.method == "post"
    ]
    ordinary = ordinary_work([(form, name, client)], monkeypatch)[form.key]
    assert_bounded(form, name, value, client, ordinary, monkeypatch)


def test_the_count_catches_work_that_grows_faster_than_the_input():
    def quadratic(text: str) -> int:
        return sum(1 for i in range(len(text)) for _j in range(i))

    with Steps(10**9) as small:
        quadratic("x" * 100)
    with Steps(10**9) as large:
        quadratic("x" * 200)
    assert large.count > 3.5 * small.count
