"""Run as a script with production environment variables: request pages, print JSON.

It runs in its own process because production security is decided when the settings are
imported (SITE_URL=https://...). It uses a private in-memory SQLite database and a
temporary collectstatic, so it needs nothing from the test run and leaves nothing behind.

    python tests/security/production_probe.py /about/ /admin/login/ ...

For each path it prints the status, headers and Set-Cookie lines of a GET over HTTPS (as
the TLS proxy forwards it), and once the GET of the admin index after a real login.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attachment.settings")

HOST = "thetherapeuticway.ca"
PASSWORD = "a long and unusual passphrase 4 tests"


def describe(response) -> dict:
    return {
        "status": response.status_code,
        "headers": {name.lower(): value for name, value in response.headers.items()},
        "cookies": [morsel.OutputString() for morsel in response.cookies.values()],
    }


def main(paths: list[str]) -> None:
    import django
    from django.conf import settings

    static_root = tempfile.mkdtemp(prefix="probe-static-")
    settings.STATIC_ROOT = static_root
    django.setup()

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    get_user_model().objects.create_superuser("shikha", "s@example.org", PASSWORD)

    https = {"secure": True, "headers": {"X-Forwarded-Proto": "https"}}
    client = Client(headers={"host": HOST})
    report: dict = {"pages": {}}
    for path in paths:
        report["pages"][path] = describe(client.get(path, **https))
    report["plain_http"] = describe(
        client.get(paths[0], headers={"X-Forwarded-Proto": "http"})
    )

    login = client.get("/admin/login/", **https)
    token = login.cookies[settings.CSRF_COOKIE_NAME].value
    report["login"] = describe(
        client.post(
            "/admin/login/?next=/admin/",
            {"username": "shikha", "password": PASSWORD, "csrfmiddlewaretoken": token},
            secure=True,
            headers={
                "X-Forwarded-Proto": "https",
                "Referer": f"https://{HOST}/admin/login/",
            },
        )
    )
    report["admin"] = describe(client.get("/admin/", **https))
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
