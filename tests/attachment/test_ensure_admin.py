"""`ensure_admin` gives a new install an admin account, with no fixed default password."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def admin_accepts(password: str) -> bool:
    return get_user_model().objects.get(username="admin").check_password(password)


def run() -> str:
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_it_creates_an_admin_with_a_random_password_shown_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    output = run()
    password = output.split("with the password ")[1].split()[0]
    assert len(password) >= 16
    validate_password(password, get_user_model()(username="admin"))
    assert admin_accepts(password)


def test_two_installs_get_different_passwords(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    first = run().split("with the password ")[1].split()[0]
    get_user_model().objects.all().delete()
    second = run().split("with the password ")[1].split()[0]
    assert first != second


def test_it_uses_admin_password_from_the_environment_without_printing_it(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-local-passphrase")
    output = run()
    assert "a-long-local-passphrase" not in output
    assert admin_accepts("a-long-local-passphrase")


@pytest.mark.parametrize("weak", ["admin", "password1234", "12345678901234"])
def test_it_refuses_a_weak_admin_password_and_creates_no_account(monkeypatch, weak):
    monkeypatch.setenv("ADMIN_PASSWORD", weak)
    with pytest.raises(CommandError, match="^ADMIN_PASSWORD is too weak") as refused:
        run()
    assert "\n" not in str(refused.value)
    assert weak not in str(refused.value)
    assert not get_user_model().objects.exists()


def test_a_second_run_changes_nothing(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-local-passphrase")
    run()
    monkeypatch.setenv("ADMIN_PASSWORD", "another-passphrase-entirely")
    output = run()
    assert "already have" in output
    assert admin_accepts("a-long-local-passphrase")
    assert get_user_model().objects.count() == 1
