"""With SENTRY_DSN set, a server error reaches Sentry with what and where, and nothing
of the person: no body, cookies, address, query string, user or local variables."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[2]
PERSONAL = [
    "jane.doe@example.org",
    "Jane",
    "my partner checks",
    "s3ss10n",
    "203.0.113.7",
    "signed-cancel-token-abc123",
]


def test_an_error_reaches_sentry_without_personal_data():
    received: list[bytes] = []

    class Collector(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            # sentry-sdk compresses with Brotli when the brotli package is installed
            # (it is, for whitenoise), else with gzip.
            if self.headers.get("Content-Encoding") == "br":
                body = brotli.decompress(body)
            elif self.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            received.append(body)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "SENTRY_DSN": f"http://publickey@127.0.0.1:{server.server_port}/1",
            "SITE_URL": "https://thetherapeuticway.ca",
            "DEBUG": "false",
            "DATABASE_URL": "sqlite://:memory:",
        }
        result = subprocess.run(
            [sys.executable, "tests/deploy/sentry_probe.py"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.shutdown()
    assert result.stdout.strip() == "500", result.stderr
    events = b"".join(received).decode()
    assert "ValueError" in events
    assert "failing_urls" in events  # where in the code
    for secret in PERSONAL:
        assert secret not in events
