"""The admin login: five wrong passwords lock that address for 30 minutes, whatever usernames it tries, and every attempt is recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase 4 tests"
HOME = "10.0.0.7"
ELSEWHERE = "10.9.9.9"


@pytest.fixture
def shikha(django_user_model):
    return django_user_model.objects.create_superuser(
        "shikha", "s@example.org", PASSWORD
    )


def log_in(password: str, *, username: str = "shikha", ip: str = HOME, **headers):
    client = Client(REMOTE_ADDR=ip)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        headers=headers,
    )
    return response


def fail_five_times(**headers) -> None:
    for _ in range(5):
        assert log_in("wrong password", **headers).status_code in (200, 429)


def test_four_wrong_passwords_still_let_the_right_one_in(shikha):
    for _ in range(4):
        assert log_in("wrong password").status_code == 200
    assert log_in(PASSWORD).status_code == 302


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(shikha):
    fail_five_times()
    response = log_in(PASSWORD)
    assert response.status_code == 429
    assert "paused for 30 minutes" in response.text
    assert "_auth_user_id" not in response.wsgi_request.session


def test_the_lock_holds_that_address_only(shikha):
    fail_five_times()
    assert log_in(PASSWORD, ip=ELSEWHERE).status_code == 302


def test_one_address_trying_many_usernames_is_locked_too(shikha, django_user_model):
    django_user_model.objects.create_superuser("assistant", "a@example.org", PASSWORD)
    for name in ["admin", "root", "info", "office", "test"]:
        log_in("guess", username=name)
    assert log_in(PASSWORD, username="assistant").status_code == 429
    assert log_in(PASSWORD, username="shikha").status_code == 429
    assert log_in(PASSWORD, username="shikha", ip=ELSEWHERE).status_code == 302


def test_addresses_in_one_ipv6_64_share_one_lock(shikha):
    for n in range(1, 6):
        log_in("wrong password", ip=f"2001:db8:7:7::{n}")
    assert log_in(PASSWORD, ip="2001:db8:7:7:ffff::9").status_code == 429
    assert log_in(PASSWORD, ip="2001:db8:7:8::1").status_code == 302  # the next /64


@pytest.fixture
def locked_at_nine(shikha):
    """Five failures at 9:00, and a clock the test moves on by hand."""
    with time_machine.travel(
        datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False
    ) as clock:
        fail_five_times()
        yield clock


def test_the_lock_lifts_after_thirty_minutes(locked_at_nine):
    locked_at_nine.shift(timedelta(minutes=31))
    assert log_in(PASSWORD).status_code == 302


def test_trying_again_while_locked_keeps_the_lock_for_another_thirty_minutes(
    locked_at_nine,
):
    locked_at_nine.shift(timedelta(minutes=29))
    assert log_in(PASSWORD).status_code == 429
    locked_at_nine.shift(timedelta(minutes=29))
    assert log_in(PASSWORD).status_code == 429
    locked_at_nine.shift(timedelta(minutes=31))
    assert log_in(PASSWORD).status_code == 302


def test_a_made_up_forwarded_for_header_does_not_dodge_the_lock(shikha):
    for n in range(5):
        log_in(
            "wrong password",
            x_forwarded_for=f"203.0.113.{n}",
            x_real_ip=f"198.51.100.{n}",
        )
    response = log_in(
        PASSWORD, x_forwarded_for="203.0.113.99", x_real_ip="198.51.100.99"
    )
    assert response.status_code == 429


def test_every_failed_attempt_is_recorded_with_its_address(shikha):
    for _ in range(3):
        log_in("wrong password")
    assert (
        AccessFailureLog.objects.filter(username="shikha", ip_address=HOME).count() == 3
    )
    assert AccessAttempt.objects.get(username="shikha").failures_since_start == 3


def test_a_successful_login_is_recorded_and_clears_the_failures(shikha):
    log_in("wrong password")
    assert log_in(PASSWORD).status_code == 302
    assert AccessLog.objects.filter(username="shikha", ip_address=HOME).count() == 1
    assert not AccessAttempt.objects.filter(username="shikha").exists()


def test_login_attempts_are_written_to_the_log(shikha, caplog):
    with caplog.at_level("INFO", logger="axes"):
        log_in("wrong password")
        log_in(PASSWORD)
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("axes")]
    assert any("login failed" in m.lower() for m in messages)
    assert any("successful login" in m.lower() for m in messages)


@pytest.mark.parametrize(
    "weak", ["short1!", "password1234", "123456789012", "shikhashikha1"]
)
def test_weak_admin_passwords_are_refused(weak, django_user_model):
    user = django_user_model(username="shikhashikha", email="shikha@example.org")
    with pytest.raises(ValidationError):
        validate_password(weak, user)


def test_a_long_passphrase_is_accepted(django_user_model):
    validate_password(PASSWORD, django_user_model(username="shikha"))


def test_a_login_through_a_proxy_that_sends_unknown_as_the_address_works(
    shikha, settings
):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert log_in(PASSWORD, x_forwarded_for="unknown").status_code == 302
    assert AccessLog.objects.get(username="shikha").ip_address == HOME


def test_an_absurdly_long_username_is_a_failed_login_not_a_server_error(shikha):
    # Found by bench/fuzz.sh: axes stored the raw username in a 255-character column.
    for _ in range(5):
        response = log_in("wrong password", username="x" * 5000)
        assert response.status_code in (200, 429)
    assert log_in("wrong password", username="x" * 5000).status_code == 429
    # That address is locked now, but shikha's account is not, from anywhere else.
    assert log_in(PASSWORD, ip=ELSEWHERE).status_code == 302


def test_a_username_with_a_nul_character_is_refused_plainly(shikha):
    # Refused before anyone is authenticated, so it guesses nothing and needs no lockout.
    assert log_in(PASSWORD, username="shi\x00kha").status_code == 400
