"""The two places apps report into without importing each other: /healthz and the admin's
list of what needs the therapist."""

from __future__ import annotations

import pytest
from django.test import Client

from core import health, notices


@pytest.fixture
def extra_check(monkeypatch):
    monkeypatch.setattr(health, "CHECKS", dict(health.CHECKS))

    def add(word: str, ok: bool) -> None:
        health.add_check("mail", lambda: health.Health(word, ok=ok))

    return add


@pytest.mark.django_db
def test_a_passing_check_is_named_in_the_healthz_answer(client: Client, extra_check):
    extra_check("ok", True)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["calendars"] == "none"
    assert response.json()["mail"] == "ok"


@pytest.mark.django_db
def test_one_failing_check_makes_healthz_unavailable(client: Client, extra_check):
    extra_check("backlog", False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["mail"] == "backlog"


@pytest.mark.django_db
def test_the_admin_home_lists_what_each_app_says_needs_her(
    admin_client: Client, monkeypatch
):
    monkeypatch.setattr(notices, "SOURCES", [])
    notices.add_source(
        lambda: [notices.Notice("A calendar stopped answering", url="/admin/x/")]
    )
    page = admin_client.get("/admin/").content.decode()
    assert "Needs you" in page
    assert '<a href="/admin/x/">A calendar stopped answering</a>' in page


@pytest.mark.django_db
def test_the_admin_home_says_nothing_when_nothing_needs_her(
    admin_client: Client, monkeypatch
):
    monkeypatch.setattr(notices, "SOURCES", [])
    page = admin_client.get("/admin/").content.decode()
    assert "Nothing needs you right now." in page
