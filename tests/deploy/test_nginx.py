"""The shipped nginx configuration, run by Debian's nginx in front of gunicorn under
production settings: what a visitor's browser meets on the live site.

deploy/nginx/attachment.conf is used as shipped, with only what differs on this machine
put in: high ports instead of 80 and 443, a self-signed certificate instead of certbot's,
and folders under a temporary directory.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.security.test_headers import EXPECTED

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
GUNICORN_PORT, HTTP_PORT, HTTPS_PORT = 8130, 8131, 8132
DOMAIN = "localhost"
SPOOFED = "203.0.113.9"

pytestmark = [
    pytest.mark.skipif(
        not Path(NGINX).exists() and os.environ.get("CI") != "true",
        reason="nginx is not installed (apt-get install nginx); CI installs it",
    ),
    # gunicorn reads the migrated content, which the test database has committed.
    pytest.mark.django_db,
]


def wait_for(port: int, process: subprocess.Popen, what: str) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"{what} stopped: {process.stderr.read()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not start on port {port}")


def site_config(tmp: Path, static: Path, media: Path) -> str:
    """The shipped site file, with this machine's ports, certificate and folders."""
    text = (ROOT / "deploy/nginx/attachment.conf").read_text()
    text = text.replace("@DOMAIN@", DOMAIN)
    text = "\n".join(line for line in text.splitlines() if "[::]" not in line)
    text = re.sub(r"listen 80\b", f"listen 127.0.0.1:{HTTP_PORT}", text)
    text = re.sub(r"listen 443\b", f"listen 127.0.0.1:{HTTPS_PORT}", text)
    replacements = {
        f"/etc/letsencrypt/live/{DOMAIN}/fullchain.pem": str(tmp / "cert.pem"),
        f"/etc/letsencrypt/live/{DOMAIN}/privkey.pem": str(tmp / "key.pem"),
        "/srv/attachment/static/": f"{static}/",
        "/srv/attachment/media/": f"{media}/",
        "127.0.0.1:8000": f"127.0.0.1:{GUNICORN_PORT}",
        "/var/log/nginx/": f"{tmp}/",
        "/var/www/letsencrypt": str(tmp),
        "snippets/attachment-headers.conf": str(
            ROOT / "deploy/nginx/attachment-headers.conf"
        ),
    }
    for old, new in replacements.items():
        assert old in text, f"{old} is no longer in the shipped configuration"
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def site(tmp_path_factory, django_db_setup, django_db_blocker):
    """nginx on HTTP_PORT and HTTPS_PORT, gunicorn behind it on the test database."""
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("gunicorn shares the test database: PostgreSQL only")
    tmp = tmp_path_factory.mktemp("nginx")
    static, media = tmp / "static", tmp / "media"
    media.mkdir()
    (media / "photo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={DOMAIN}", "-addext", f"subjectAltName=DNS:{DOMAIN}"]
        + ["-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")],
        check=True,
        capture_output=True,
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false",
        "SECRET_KEY": "nginx-test-" + "Qm7vX2pL9zR4tW8yK3sN6dF1hJ5bG0cA" * 2,
        "SITE_URL": f"https://{DOMAIN}",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "STATIC_ROOT": str(static),
        "MEDIA_ROOT": str(media),
        "CACHE_DIR": str(tmp / "cache"),
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    (tmp / "site.conf").write_text(site_config(tmp, static, media))
    (tmp / "nginx.conf").write_text(
        f"""
user root;
worker_processes 1;
error_log {tmp}/error.log;
pid {tmp}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""
    )
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn")]
        + ["--config", "deploy/gunicorn.conf.py", "attachment.wsgi"]
        + ["--bind", f"127.0.0.1:{GUNICORN_PORT}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    nginx = subprocess.Popen(
        [NGINX, "-c", str(tmp / "nginx.conf"), "-p", str(tmp), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(GUNICORN_PORT, gunicorn, "gunicorn")
        wait_for(HTTPS_PORT, nginx, "nginx")
        yield {"tmp": tmp, "static": static}
    finally:
        nginx.terminate()
        gunicorn.terminate()
        nginx.wait(10)
        gunicorn.wait(40)
        # The failed logins gunicorn committed must not count against other tests.
        from axes.models import AccessAttempt, AccessFailureLog

        with django_db_blocker.unblock():
            AccessAttempt.objects.all().delete()
            AccessFailureLog.objects.all().delete()


def https(site, method: str, path: str, body=None, headers=None):
    context = ssl.create_default_context(cafile=str(site["tmp"] / "cert.pem"))
    connection = http.client.HTTPSConnection(
        DOMAIN, HTTPS_PORT, context=context, timeout=30
    )
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_plain_http_is_redirected_to_https(site):
    connection = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=10)
    connection.request("GET", "/about/?x=1", headers={"Host": DOMAIN})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == f"https://{DOMAIN}/about/?x=1"


def test_a_name_that_is_not_the_site_gets_nothing(site):
    connection = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=10)
    connection.request("GET", "/", headers={"Host": "attacker.example"})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        connection.getresponse()


def test_pages_arrive_over_http2_with_every_security_header(site):
    result = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "--http2", "-w", "%{http_version}"]
        + ["--cacert", str(site["tmp"] / "cert.pem")]
        + [f"https://{DOMAIN}:{HTTPS_PORT}/about/"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.stdout == "2"
    response = https(site, "GET", "/about/")
    assert response.status == 200
    for name, value in EXPECTED.items():
        assert response.getheader(name) == value, name
    assert response.getheader("Server") == "nginx"  # no version number


def test_pages_are_gzipped(site):
    response = https(site, "GET", "/", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type").startswith("text/html")


def test_a_hashed_static_file_is_served_by_nginx_compressed_and_immutable(site):
    manifest = json.loads((site["static"] / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    response = https(
        site, "GET", f"/static/{hashed}", headers={"Accept-Encoding": "gzip"}
    )
    assert response.status == 200
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Server") == "nginx"
    for name in ("strict-transport-security", "x-content-type-options"):
        assert response.getheader(name) == EXPECTED[name]
    # Its name without the hash may change content: an hour only.
    plain = https(site, "GET", "/static/css/site.css")
    assert plain.getheader("Cache-Control") == "public, max-age=3600"


def test_an_uploaded_file_can_never_run_as_a_page(site):
    response = https(site, "GET", "/media/photo.svg")
    assert response.status == 200
    assert "sandbox" in response.getheader("Content-Security-Policy")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_healthz_answers_through_nginx(site):
    response = https(site, "GET", "/healthz")
    assert response.status == 200
    assert json.loads(response.body)["status"] == "ok"


def test_an_oversized_body_is_refused_before_it_reaches_the_site(site):
    context = ssl.create_default_context(cafile=str(site["tmp"] / "cert.pem"))
    connection = http.client.HTTPSConnection(
        DOMAIN, HTTPS_PORT, context=context, timeout=30
    )
    connection.putrequest("POST", "/book/")
    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
    connection.putheader("Content-Length", str(11 * 1024 * 1024))
    connection.endheaders()
    assert connection.getresponse().status == 413


def test_the_site_sees_the_real_client_address_whatever_headers_are_sent(site):
    from axes.models import AccessFailureLog

    login = https(site, "GET", "/admin/login/")
    cookie = login.getheader("Set-Cookie").split(";")[0]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', login.body).group(
        1
    )
    response = https(
        site,
        "POST",
        "/admin/login/",
        body=b"username=shikha&password=wrong-password-1&csrfmiddlewaretoken=" + token,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"https://{DOMAIN}/admin/login/",
            "X-Real-IP": SPOOFED,
            "X-Forwarded-For": SPOOFED,
            "X_Real_IP": SPOOFED,
        },
    )
    assert response.status == 200  # the form again, with its error
    failures = list(AccessFailureLog.objects.values_list("ip_address", flat=True))
    assert failures == ["127.0.0.1"]
