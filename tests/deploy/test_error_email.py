"""A server error reaches the practice by email through the outbox, over a real SMTP
server: once per kind of error an hour, after the page has gone out, and with nothing
the visitor sent in it."""

from __future__ import annotations

import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from booking.models import OutgoingEmail

pytestmark = pytest.mark.django_db

PERSONAL = ["jane.doe@example.org", "Jane", "416-555-0199", "my partner checks"]
TOKEN = "signed-cancel-token-abc123"


class Collector:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp(settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False},
        }
    }
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    yield collector
    controller.stop()


@pytest.fixture
def failing_site(settings, django_capture_on_commit_callbacks):
    settings.ROOT_URLCONF = "tests.deploy.failing_urls"
    settings.ADMINS = ["tech@example.org", "shikha@example.org"]
    client = Client(raise_request_exception=False)
    # The test's transaction never commits: run what would run at commit (the task).
    client.capture = django_capture_on_commit_callbacks
    return client


def fail(client: Client, path: str = f"/broken/{TOKEN}/") -> int:
    data = {"email": PERSONAL[0], "name": PERSONAL[1], "note": PERSONAL[3]}
    with client.capture(execute=True):
        return client.post(path, data, REMOTE_ADDR="203.0.113.7").status_code


def test_a_server_error_is_mailed_once_to_each_admin_without_personal_data(
    smtp, failing_site
):
    assert fail(failing_site) == 500

    assert sorted(m.rcpt_tos[0] for m in smtp.messages) == [
        "shikha@example.org",
        "tech@example.org",
    ]
    text = smtp.messages[0].content.decode()
    assert "ValueError" in text
    assert "broken" in text  # the page's name
    assert "tests/deploy/failing_urls.py, line" in text  # where in the code
    for secret in [*PERSONAL, TOKEN, "203.0.113.7", "could not read"]:
        assert secret not in text
    assert OutgoingEmail.objects.filter(status="sent").count() == 2


def test_one_broken_page_cannot_flood_the_inbox(smtp, failing_site):
    for _ in range(20):
        assert fail(failing_site) == 500
    assert len(smtp.messages) == 2  # one per admin, for the first of twenty

    # Another kind of error is news, and is mailed.
    assert fail(failing_site, "/also-broken/") == 500
    assert len(smtp.messages) == 4
    assert "KeyError" in smtp.messages[-1].content.decode()


def test_with_the_mail_server_down_the_visitor_still_gets_the_error_page_and_mail_waits(
    settings, failing_site
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "use_tls": False, "timeout": 2},
        }
    }
    assert fail(failing_site) == 500
    waiting = OutgoingEmail.objects.filter(status="pending", kind="server-error")
    assert waiting.count() == 2  # send_outbox tries again later


def test_without_admins_nothing_is_queued(smtp, failing_site, settings):
    settings.ADMINS = []
    assert fail(failing_site) == 500
    assert not OutgoingEmail.objects.exists()
    assert smtp.messages == []


def test_a_deliberate_503_is_not_reported(smtp, failing_site, monkeypatch):
    import logging

    logging.getLogger("django.request").error(
        "Service Unavailable: %s", "/book/", extra={"status_code": 503}
    )
    assert not OutgoingEmail.objects.exists()
