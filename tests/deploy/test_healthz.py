"""/healthz tells a load balancer not to send visitors to a server whose pages cannot
render, and tells a monitor when mail stops going out."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from booking.models import OutgoingEmail

pytestmark = pytest.mark.django_db

MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}


def test_without_collectstatic_healthz_is_503_and_says_why(
    client: Client, settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = MANIFEST_STORAGE
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert (
        response.json()["static_files"] == "no manifest: run collectstatic, then reload"
    )


def test_with_the_manifest_healthz_is_ok(client: Client, settings, tmp_path):
    (tmp_path / "staticfiles.json").write_text(
        json.dumps(
            {"version": "1.1", "paths": {"css/site.css": "css/site.0123abcd.css"}}
        )
    )
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = MANIFEST_STORAGE
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["static_files"] == "ok"


def queue(minutes_ago: int, status=OutgoingEmail.Status.PENDING) -> None:
    message = OutgoingEmail.objects.create(
        kind=OutgoingEmail.Kind.SERVER_ERROR,
        to="tech@example.org",
        subject="s",
        body_text="b",
        status=status,
        next_attempt_at=timezone.now(),
    )
    OutgoingEmail.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_ago)
    )


def test_healthz_reports_an_empty_outbox(client: Client):
    body = client.get("/healthz").json()
    assert body["outbox"] == "ok"
    assert body["outbox_waiting"] == 0
    assert body["outbox_oldest_seconds"] is None


def test_healthz_reports_the_backlog_and_its_oldest_message(client: Client):
    queue(3)
    queue(1)
    queue(600, status=OutgoingEmail.Status.SENT)  # sent mail is no backlog
    response = client.get("/healthz")
    body = response.json()
    assert body["outbox"] == "ok"
    assert body["outbox_waiting"] == 2
    assert 180 <= body["outbox_oldest_seconds"] < 240


def test_late_mail_is_flagged_for_a_monitor_but_visitors_are_still_served(
    client: Client,
):
    queue(16)
    response = client.get("/healthz")
    assert response.status_code == 200  # pages work without mail: stay in rotation
    assert response.json()["outbox"] == "late"
    assert response.json()["outbox_oldest_seconds"] >= 16 * 60
