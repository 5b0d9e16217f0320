"""The systemd units are valid, the shell scripts are shellcheck-clean, and install.sh,
run twice into a scratch root, installs and then upgrades in place without changing the
settings it wrote. What cannot run here (no systemd as PID 1, no apt, no root-owned
/srv): systemctl, apt-get, useradd, certbot and nginx are stand-ins that record how
they were called; everything else (rsync, uv, migrate, collectstatic) runs for real.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SCRIPTS = [DEPLOY / "install.sh", DEPLOY / "backup.sh", DEPLOY / "manage"]
UNITS = sorted((DEPLOY / "systemd").glob("*.s*")) + sorted(
    (DEPLOY / "systemd").glob("*.timer")
)
IN_CI = os.environ.get("CI") == "true"


def needs(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if IN_CI:
            pytest.fail(
                f"CI must run this, but {tool} is missing (.ci/run installs it)"
            )
        pytest.skip(f"{tool} is not installed")
    return path


def test_every_unit_and_timer_passes_systemd_analyze_verify(tmp_path):
    needs("systemd-analyze")
    # The units name programs under /srv/attachment, which verify wants to exist: the
    # same units, pointed at a scratch copy of that folder.
    fake = tmp_path / "srv/attachment"
    for program in ["venv/bin/python", "venv/bin/gunicorn", "app/deploy/backup.sh"]:
        (fake / program).parent.mkdir(parents=True, exist_ok=True)
        (fake / program).write_text("#!/bin/sh\n")
        (fake / program).chmod(0o755)
    units = tmp_path / "units"
    units.mkdir()
    for unit in UNITS:
        text = unit.read_text().replace("/srv/attachment", str(fake))
        (units / unit.name).write_text(text)
    assert {u.name for u in UNITS} >= {
        "attachment.service",
        "attachment-worker.service",
        "attachment-send-outbox.timer",
        "attachment-purge.timer",
        "attachment-sync-calendars.timer",
        "attachment-backup.timer",
    }
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *sorted(units.iterdir())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # An unknown key is only a warning (exit 0): any output at all fails the test.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_each_timer_starts_its_own_service_on_its_schedule():
    expected = {
        "send-outbox": "minutely",
        "purge": "*-*-* 03:30:00",
        "sync-calendars": "*:0/5",
        "backup": "*-*-* 02:30:00",
    }
    for name, calendar in expected.items():
        timer = (DEPLOY / f"systemd/attachment-{name}.timer").read_text()
        assert f"OnCalendar={calendar}\n" in timer
        assert "Persistent=true" in timer
        assert (DEPLOY / f"systemd/attachment-{name}.service").exists()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_are_valid_bash_and_shellcheck_clean(script):
    assert subprocess.run(["bash", "-n", script]).returncode == 0
    needs("shellcheck")
    result = subprocess.run(["shellcheck", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_backup_keeps_the_newest_dumps_only(tmp_path):
    needs("pg_dump")
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("backup.sh dumps PostgreSQL")
    for day in range(1, 5):
        (tmp_path / f"attachment-2026-01-0{day}T023000Z.dump").write_text("old")
    env = {
        **os.environ,
        "BACKUP_DIR": str(tmp_path),
        "BACKUP_KEEP": "3",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    result = subprocess.run(
        [DEPLOY / "backup.sh"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == 3
    assert kept[:2] == [
        "attachment-2026-01-03T023000Z.dump",
        "attachment-2026-01-04T023000Z.dump",
    ]
    newest = tmp_path / kept[2]
    assert newest.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    assert stat.S_IMODE(newest.stat().st_mode) == 0o600


# Stand-ins for what needs a real Debian server with systemd; each records its call.
STUBS = {
    "apt-get": "",
    "dpkg": "",
    "getent": "echo 'attachment:x:999:999::/srv/attachment:/usr/sbin/nologin'",
    "useradd": "",
    "chown": "",
    "chgrp": "",
    "systemctl": 'case "$1" in is-active) [ -f "$LOG.active" ] ;; esac',
    "nginx": "",
    "certbot": 'mkdir -p "$ROOT/etc/letsencrypt/live/$DOMAIN" && '
    'touch "$ROOT/etc/letsencrypt/live/$DOMAIN/fullchain.pem"',
    # Drops to no other user here: runs the command as it is.
    "runuser": 'shift 3; exec "$@"',
    # install(1) without -o/-g: there is no attachment user on this machine.
    "install": 'args=(); while [ $# -gt 0 ]; do case "$1" in -o|-g) shift 2 ;; '
    '*) args+=("$1"); shift ;; esac; done; exec /usr/bin/install "${args[@]}"',
}


def run_install(stubs: Path, scratch: Path, database_url: str):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")},
        "PATH": f"{stubs}:{os.environ['PATH']}",
        "ROOT": str(scratch),
        "LOG": str(stubs / "calls.log"),
        "DOMAIN": "thetherapeuticway.ca",
        "PYTHON": sys.executable,
        "DATABASE_URL": database_url,
    }
    return subprocess.run(
        ["bash", DEPLOY / "install.sh", "thetherapeuticway.ca", "tech@example.org"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.django_db
def test_install_twice_into_a_scratch_root_installs_then_upgrades_in_place(tmp_path):
    needs("rsync")
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("install.sh migrates a PostgreSQL database")
    scratch, stubs = tmp_path / "root", tmp_path / "stubs"
    stubs.mkdir()
    for name, body in STUBS.items():
        script = stubs / name
        script.write_text(f'#!/usr/bin/env bash\necho "{name} $*" >>"$LOG"\n{body}\n')
        script.chmod(0o755)
    for folder in [
        "etc/systemd/system",
        "etc/nginx/snippets",
        "etc/nginx/sites-available",
    ]:
        (scratch / folder).mkdir(parents=True)
    (scratch / "etc/nginx/sites-enabled").mkdir()
    database = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"

    first = run_install(stubs, scratch, database)
    assert first.returncode == 0, first.stdout + first.stderr
    env_file = scratch / "etc/attachment/env"
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    settings = env_file.read_text()
    secret = re.search(r'^SECRET_KEY="([^"]+)"$', settings, re.M)[1]
    assert len(secret) >= 50
    assert 'SITE_URL="https://thetherapeuticway.ca"' in settings
    assert 'CLIENT_IP_HEADER="HTTP_X_REAL_IP"' in settings
    assert 'ADMINS="tech@example.org"' in settings
    app = scratch / "srv/attachment/app"
    assert (app / "manage.py").exists() and not (app / ".git").exists()
    assert (scratch / "srv/attachment/static/staticfiles.json").exists()
    assert (scratch / "etc/systemd/system/attachment.service").exists()
    site = (scratch / "etc/nginx/sites-available/attachment").read_text()
    assert "server_name thetherapeuticway.ca;" in site and "@DOMAIN@" not in site
    calls = (stubs / "calls.log").read_text()
    assert "systemctl start attachment.service" in calls
    assert "certbot certonly --webroot" in calls
    assert "systemctl enable --now attachment-send-outbox.timer" in calls

    # The upgrade: new code, same settings, a graceful reload instead of a restart.
    (stubs / "calls.log").write_text("")
    (stubs / "calls.log.active").write_text("")
    second = run_install(stubs, scratch, database)
    assert second.returncode == 0, second.stdout + second.stderr
    assert env_file.read_text() == settings  # the SECRET_KEY is kept
    calls = (stubs / "calls.log").read_text()
    assert "systemctl reload attachment.service" in calls
    assert "systemctl start attachment.service" not in calls
    assert "certbot certonly" not in calls  # the certificate is already there
    assert "No migrations to apply" in second.stdout
