"""Settings are read from the environment, and bad values stop start-up with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from attachment.settings import envbool, envint, envrate
from tests.conftest import PRODUCTION_ENVIRONMENT

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {**PRODUCTION_ENVIRONMENT, "ALLOWED_HOSTS": "thetherapeuticway.ca"}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # Nothing from the test run leaks in: the command sees what a server would.
    leaks = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leaks}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_booleans_accept_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert envbool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "False")
    assert envbool("FLAG", True) is False


def test_a_missing_value_takes_the_default(monkeypatch):
    monkeypatch.delenv("FLAG", raising=False)
    assert envbool("FLAG", True) is True
    assert envint("FLAG", 7) == 7


def test_a_malformed_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG_X", "maybe")
    with pytest.raises(
        ImproperlyConfigured, match="DEBUG_X must be true or false, not 'maybe'"
    ):
        envbool("DEBUG_X", False)


def test_a_malformed_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("EMAIL_PORT_X", "five")
    with pytest.raises(
        ImproperlyConfigured, match="EMAIL_PORT_X must be a whole number"
    ):
        envint("EMAIL_PORT_X", 25)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5/h", (5, 3600)), ("10 / m", (10, 60)), ("0", (0, 0)), ("2/d", (2, 86400))],
)
def test_rate_limits_read_as_requests_per_period(monkeypatch, value, expected):
    monkeypatch.setenv("LIMIT", value)
    assert envrate("LIMIT", "5/h") == expected


@pytest.mark.parametrize("value", ["5", "five/h", "5/week", "-1/h"])
def test_a_malformed_rate_limit_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("LIMIT", value)
    with pytest.raises(ImproperlyConfigured, match="LIMIT must look like 5/h"):
        envrate("LIMIT", "5/h")


def test_a_malformed_value_stops_start_up_with_its_name():
    result = manage("check", env={"DEBUG": "sometimes"})
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'sometimes'" in result.stderr


def test_a_malformed_site_url_stops_start_up():
    result = manage("check", env={"SITE_URL": "thetherapeuticway.ca"})
    assert result.returncode != 0
    assert "SITE_URL must be a full address" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DATABASE_URL", "foo", "DATABASE_URL must look like postgres://"),
        ("REDIS_URL", "foo", "REDIS_URL must look like redis://"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be DEBUG, INFO"),
        # Zero or less would purge consults still to come.
        (
            "PERSONAL_DATA_RETENTION_DAYS",
            "-5",
            "PERSONAL_DATA_RETENTION_DAYS must be 1",
        ),
        # Would never match a request: every visitor would share one rate limit.
        ("CLIENT_IP_HEADER", "X-Real-IP", "CLIENT_IP_HEADER must be written as"),
    ],
)
def test_a_setting_that_cannot_work_stops_start_up_with_its_name(name, value, message):
    result = manage("check", env={name: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_the_deployment_checklist_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_placeholder_secret_key_never_reaches_the_deployment_checklist():
    # Start-up itself refuses it (tests/deploy/test_refuse_to_start.py), before any check.
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "SECRET_KEY": ""},
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be a random value" in result.stderr


def test_database_url_switches_the_database():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "attachment.settings",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/practice",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "practice"], (
        result.stderr
    )


def test_without_redis_the_worker_processes_of_a_server_share_a_cache_folder():
    code = (
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DEBUG")}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "attachment.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "core.cache_backends.SweptFileCache"
