"""Under production settings every response carries the security headers, and every cookie is locked down.

The settings decide production security when they are imported, so the pages are
requested in a separate process started with a production environment (see
production_probe.py): the same variables a server would have, nothing overridden.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PRODUCTION_ENVIRONMENT

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    **PRODUCTION_ENVIRONMENT,
    # The probe's own throwaway database, so it needs nothing from the test run.
    "DATABASE_URL": "sqlite://:memory:",
}
PUBLIC_PAGE = "/about/"
FORM_PAGES = ["/book/", "/quiz/", "/admin/login/"]
# Served by WhiteNoise, which answers before most middleware runs.
STATIC_FILE = "/static/css/site.css"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'; object-src 'none'"
)
EXPECTED = {
    "content-security-policy": CSP,
    "strict-transport-security": "max-age=31536000; includeSubDomains; preload",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "x-frame-options": "DENY",
}


@pytest.fixture(scope="module")
def production() -> dict:
    leaks = {
        *PRODUCTION,
        "ALLOWED_HOSTS",
        "CLIENT_IP_HEADER",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    env = {k: v for k, v in os.environ.items() if k not in leaks} | PRODUCTION
    result = subprocess.run(
        [
            sys.executable,
            "tests/security/production_probe.py",
            PUBLIC_PAGE,
            *FORM_PAGES,
            STATIC_FILE,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def cookie(report: dict, name: str) -> str:
    found = [c for c in report["cookies"] if c.startswith(name + "=")]
    assert found, f"no {name} cookie in {report['cookies']}"
    return found[0]


def assert_locked_down(set_cookie: str) -> None:
    attributes = [part.strip().lower() for part in set_cookie.split(";")[1:]]
    assert "secure" in attributes, set_cookie
    assert "httponly" in attributes, set_cookie
    assert "samesite=lax" in attributes, set_cookie
    # __Host- cookies must be Secure, for Path=/ and without a Domain, or browsers drop them.
    assert "path=/" in attributes, set_cookie
    assert not any(a.startswith("domain") for a in attributes), set_cookie


def test_a_public_page_carries_every_security_header(production):
    page = production["pages"][PUBLIC_PAGE]
    assert page["status"] == 200
    for name, value in EXPECTED.items():
        assert page["headers"].get(name) == value, name


def test_a_static_file_carries_every_security_header_too(production):
    static = production["pages"][STATIC_FILE]
    assert static["status"] == 200
    assert static["headers"]["content-type"].startswith("text/css")
    for name, value in EXPECTED.items():
        assert static["headers"].get(name) == value, name


def test_the_content_security_policy_allows_nothing_inline_or_foreign(production):
    policy = production["pages"][PUBLIC_PAGE]["headers"]["content-security-policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "http" not in policy  # no other origin is named anywhere


def test_every_form_page_carries_every_security_header(production):
    served = {
        p: r
        for p, r in production["pages"].items()
        if p in FORM_PAGES and r["status"] == 200
    }
    assert "/admin/login/" in served
    for path, page in served.items():
        for name, value in EXPECTED.items():
            assert page["headers"].get(name) == value, (path, name)


def test_the_admin_carries_every_security_header_and_is_never_cached(production):
    admin = production["admin"]
    assert admin["status"] == 200
    for name, value in EXPECTED.items():
        assert admin["headers"].get(name) == value, name
    assert "no-store" in admin["headers"]["cache-control"]


def test_the_csrf_cookie_on_a_form_page_is_a_secure_host_only_cookie(production):
    for path, page in production["pages"].items():
        if path in FORM_PAGES and page["status"] == 200 and page["cookies"]:
            assert_locked_down(cookie(page, "__Host-csrftoken"))
    assert_locked_down(cookie(production["pages"]["/admin/login/"], "__Host-csrftoken"))


def test_the_session_cookie_after_an_admin_login_is_a_secure_host_only_cookie(
    production,
):
    login = production["login"]
    assert login["status"] == 302 and login["headers"]["location"] == "/admin/"
    assert_locked_down(cookie(login, "__Host-sessionid"))


def test_every_cookie_the_site_sets_is_secure(production):
    reports = [*production["pages"].values(), production["login"], production["admin"]]
    for set_cookie in (c for report in reports for c in report["cookies"]):
        assert "; Secure" in set_cookie, set_cookie


def test_plain_http_is_redirected_to_https_permanently(production):
    plain = production["plain_http"]
    assert plain["status"] == 301
    assert plain["headers"]["location"] == "https://thetherapeuticway.ca/about/"
