"""Run as a script with SENTRY_DSN set: one failing request full of personal data, then
flush Sentry's queue to the DSN (a collector the test runs on loopback)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attachment.settings")


def main() -> None:
    import django
    from django.conf import settings

    settings.ROOT_URLCONF = "tests.deploy.failing_urls"
    # The error page names static files; no collectstatic for this probe.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    django.setup()
    import sentry_sdk
    from django.test import Client

    client = Client(
        raise_request_exception=False, headers={"host": "thetherapeuticway.ca"}
    )
    response = client.post(
        "/broken/signed-cancel-token-abc123/?name=Jane",
        {"email": "jane.doe@example.org", "note": "my partner checks"},
        secure=True,
        headers={
            "X-Forwarded-Proto": "https",
            "Cookie": "__Host-sessionid=s3ss10n",
            "X-Real-IP": "203.0.113.7",
        },
    )
    sentry_sdk.flush(timeout=5)
    print(response.status_code)


if __name__ == "__main__":
    main()
