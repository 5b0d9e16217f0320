"""No input breaks the site: hostile data to every URL pattern and every form.

The property, for every request: never a 5xx, never an unescaped echo of what was sent,
and never a write unless the answer is a success redirect. The URL patterns come from the
resolver and the forms from the pages themselves (see fuzz.py), so every app is covered
as soon as it is routed. HYPOTHESIS_PROFILE=bench (bench/fuzz.sh) tries many more cases.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.security.conftest import FUZZ_PROFILE
from tests.security.fuzz import (
    MISSING,
    Form,
    Tally,
    all_routes,
    assert_unbroken,
    crawl,
    field_values,
    hostile_dict,
    row_counts,
)

pytestmark = pytest.mark.django_db

ROUTES = all_routes()
# Each URL pattern gets a share of the profile; the forms test gets several times it.
PER_ROUTE = settings(FUZZ_PROFILE, max_examples=max(4, FUZZ_PROFILE.max_examples // 5))
FORMS = settings(FUZZ_PROFILE, max_examples=FUZZ_PROFILE.max_examples * 4)


@pytest.fixture(scope="module")
def two_clients() -> tuple[Client, Client]:
    # Made once: each new Client re-reads every static file (whitenoise's start-up),
    # which would cost more than all the requests a test makes.
    return Client(), Client()


@pytest.fixture
def clients(two_clients, admin_user) -> tuple[Client, Client]:
    """A visitor and a logged-in therapist."""
    visitor, admin = two_clients
    visitor.cookies.clear()
    admin.cookies.clear()
    admin.force_login(admin_user)
    return visitor, admin


def request(client: Client, method: str, path: str, data: dict, htmx: bool):
    headers = {"HX-Request": "true"} if htmx else {}
    if method == "get":
        return client.get(path, data, headers=headers)
    return client.post(path, data, headers=headers)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.label)
def test_no_hostile_request_to_any_url_pattern_breaks_the_site(route, clients):
    tally = Tally(f"url {route.label}")
    visitor, admin = clients

    @PER_ROUTE
    @given(
        path=route.paths(),
        method=st.sampled_from(["get", "post"]),
        data=hostile_dict(),
        htmx=st.booleans(),
        as_admin=st.booleans() if route.is_admin else st.just(False),
    )
    def attempt(path, method, data, htmx, as_admin):
        cache.clear()  # rate limits would hide the code behind them
        visitor.cookies.clear()
        before = row_counts()
        response = request(admin if as_admin else visitor, method, path, data, htmx)
        tally.count += 1
        assert_unbroken(response, before, f"{method.upper()} {path}")

    attempt()
    tally.report()


def test_the_fuzzer_sees_every_app_s_url_patterns():
    labels = [route.label for route in ROUTES]
    for prefix in ("about/", "healthz", "admin/"):
        assert any(label.startswith(prefix) for label in labels), prefix
    assert len(ROUTES) > 20


def public_forms(visitor: Client) -> list[Form]:
    start = [r.fixed_path() for r in ROUTES if r.is_fixed and not r.is_admin]
    return crawl(visitor, ["/admin/login/", *start], limit=80)


def test_no_hostile_data_posted_to_any_form_breaks_the_site(clients):
    visitor, admin = clients
    forms = public_forms(visitor)
    admin_forms = crawl(admin, ["/admin/"], limit=60)
    assert any(f.action.startswith("/admin/login/") for f in forms)
    targets = [(f, False) for f in forms] + [(f, True) for f in admin_forms]
    tally = Tally(f"{len(forms)} public and {len(admin_forms)} admin forms")

    @FORMS
    @given(data=st.data(), htmx=st.booleans())
    def attempt(data, htmx):
        form, as_admin = data.draw(st.sampled_from(targets))
        values = {}
        for field in form.fields.values():
            value = data.draw(field_values(field), label=field.name)
            if value is not MISSING:
                values[field.name] = value
        values |= data.draw(hostile_dict(max_size=2), label="extra fields")
        cache.clear()
        visitor.cookies.clear()
        before = row_counts()
        client = admin if as_admin else visitor
        response = request(client, form.method, form.action, values, htmx)
        tally.count += 1
        assert_unbroken(response, before, f"{form.method.upper()} {form.action}")

    attempt()
    tally.report()


def test_the_property_catches_an_unescaped_echo_and_a_partial_write(db):
    from django.http import HttpResponse

    from attachment.models import FAQEntry

    before = row_counts()
    echo = HttpResponse("<p>Hello <fzprobe></p>")
    with pytest.raises(AssertionError, match="unescaped echo"):
        assert_unbroken(echo, before, "planted echo")
    FAQEntry.objects.create(question="Planted?", answer="Yes.")
    with pytest.raises(AssertionError, match="rows written by a 200"):
        assert_unbroken(HttpResponse("ok"), before, "planted write")
    with pytest.raises(AssertionError, match="500"):
        assert_unbroken(HttpResponse(status=500), row_counts(), "planted crash")
