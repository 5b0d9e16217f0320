"""When PostgreSQL goes away the site says so calmly, and when it returns the site recovers by itself.

These tests break the connection from the outside (a terminated backend, an unreachable
server) instead of mocking Django, and go through Django's real WSGI handler where the
request signals matter: the test client switches off the per-request connection checks.
bench/db_outage.sh does the same with a real stop and start of PostgreSQL.
"""

from __future__ import annotations

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client, RequestFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL to break"
    ),
]


def wsgi_get(path: str) -> tuple[int, dict, bytes]:
    """A GET through the same handler gunicorn calls, request_started signal and all."""
    environ = RequestFactory().get(path).environ
    seen: dict = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    result = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()
    return seen["status"], seen["headers"], body


def terminate_our_backend() -> int:
    """Kill the server process behind Django's connection, as a PostgreSQL restart would."""
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    with psycopg.connect(
        host=params.get("host"), port=params.get("port"), user=params.get("user"),
        dbname=params["dbname"], password=params.get("password"), autocommit=True,
    ) as other:  # fmt: skip
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    return pid


def test_connection_health_checks_are_on():
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    assert connection.settings_dict["CONN_MAX_AGE"] > 0


def test_the_site_reconnects_by_itself_after_its_connection_is_killed():
    assert wsgi_get("/book/")[0] == 200
    killed = terminate_our_backend()
    status, _, body = wsgi_get("/book/")
    assert status == 200, body[:300]
    assert connection.connection.info.backend_pid != killed


def test_without_health_checks_the_same_kill_would_have_shown_the_outage_page(
    monkeypatch,
):
    # The counter-proof: the test above passes because of CONN_HEALTH_CHECKS.
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", False)
    connection.close()  # the setting is read when connecting
    assert wsgi_get("/book/")[0] == 200
    terminate_our_backend()
    assert wsgi_get("/book/")[0] == 503
    assert (
        wsgi_get("/book/")[0] == 200
    )  # the broken connection was dropped after the error


def test_while_the_database_is_unreachable_pages_are_a_calm_503_and_healthz_says_so():
    client = Client()
    connection.close()
    real_port = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        page = client.get("/book/")
        health = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert page.status_code == 503
    assert "We will be back in a moment" in page.text
    assert "it was not saved" in page.text
    assert "Traceback" not in page.text and "psycopg" not in page.text
    assert page["Retry-After"] == "30"
    assert "default-src 'none'" in page["Content-Security-Policy"]
    assert health.status_code == 503
    assert health.json()["database"] == "down"


def test_when_the_database_returns_the_same_process_serves_pages_again():
    client = Client()
    connection.close()
    real_port = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = "1"
    try:
        assert client.get("/book/").status_code == 503
    finally:
        connection.settings_dict["PORT"] = real_port
    assert client.get("/book/").status_code == 200
    assert client.get("/healthz").status_code == 200
