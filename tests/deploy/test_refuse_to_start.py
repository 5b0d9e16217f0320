"""With DEBUG off, a SECRET_KEY anyone could know stops start-up with one line naming it:
signed quiz-result, cancel and reschedule links could otherwise be forged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "Zq8vR2mW4xT6yN9pL3sD5fG7hJ1bC0"  # 50 characters
MESSAGE = (
    "Not starting: SECRET_KEY must be a random value of 50 or more characters when "
    "DEBUG is off (deploy/install.sh writes one; on a laptop, DEBUG=true)."
)


def start(command: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DEBUG", "SITE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(
        command,
        cwd=ROOT,
        env={**clean, "SITE_URL": "https://thetherapeuticway.ca", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def manage_check(**env: str) -> subprocess.CompletedProcess:
    return start([sys.executable, "manage.py", "check"], **env)


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param(
            "django-insecure-local-only-never-use-this-key-in-production",
            id="the placeholder",
        ),
        pytest.param("django-insecure-" + "x" * 50, id="any django-insecure key"),
        pytest.param(GOOD_KEY[:49], id="49 characters"),
    ],
)
def test_a_key_anyone_could_know_stops_start_up_with_one_line(key):
    result = manage_check(**({} if key is None else {"SECRET_KEY": key}))
    assert result.returncode == 1
    assert result.stderr.strip() == MESSAGE
    assert "Traceback" not in result.stderr


def test_a_random_key_of_50_characters_starts():
    result = manage_check(SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr


def test_a_laptop_with_debug_on_needs_no_key():
    result = manage_check(DEBUG="true", SITE_URL="http://127.0.0.1:8000")
    assert result.returncode == 0, result.stderr


def test_gunicorn_refuses_to_serve_on_a_public_key_too(tmp_path):
    # The systemd unit runs `manage.py check --deploy` first (one line in the journal);
    # gunicorn started by hand still stops rather than serving with the key.
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = start(
        [str(gunicorn), "attachment.wsgi", "--bind", f"unix:{tmp_path}/g.sock"],
        SECRET_KEY="short",
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be a random value of 50 or more characters" in result.stderr
