#!/usr/bin/env bash
# Install or upgrade The Therapeutic Way on one Debian 12 server. Run as root from a
# checkout of this repository:
#
#   sudo deploy/install.sh thetherapeuticway.ca you@example.ca
#
# The first argument is the site's domain (its DNS must already point at this server),
# the second the address told about server errors and by Let's Encrypt about the
# certificate. The first run installs Debian's packages, creates the `attachment` user,
# the database, the environment file (/etc/attachment/env, with a new SECRET_KEY) and the
# certificate, and starts everything. Each later run (after `git pull`) is an upgrade in
# place: new code and dependencies, migrate, collectstatic, and a graceful reload that
# finishes every request in flight. It never changes the environment file once written.
#
# Where things live:
#   /srv/attachment/app      the code (a copy of this checkout, owned by root)
#   /srv/attachment/venv     the Python environment, exactly as uv.lock says
#   /srv/attachment/static   collectstatic's output, served by nginx
#   /srv/attachment/media    uploaded photos, served by nginx (back them up)
#   /etc/attachment/env      the settings (mode 0600, owned by attachment)
#   /var/backups/attachment  the nightly database dumps
set -euo pipefail

DOMAIN=${1:-${DOMAIN:-}}
ADMIN_EMAIL=${2:-${ADMIN_EMAIL:-}}
# Empty on a real server; the tests install into a scratch folder instead.
ROOT=${ROOT:-}
# The local PostgreSQL unless given (a managed database: postgres://user:pass@host/name).
DATABASE_URL=${DATABASE_URL:-}
# Django 6 needs Python 3.12+, newer than Debian 12's 3.11: uv provides it (PYTHON
# can name an interpreter that is already installed instead).
PYTHON=${PYTHON:-3.12}
UV_VERSION=0.13.9

SOURCE=$(cd "$(dirname "$0")/.." && pwd)
HOME_DIR=$ROOT/srv/attachment
APP=$HOME_DIR/app
VENV=$HOME_DIR/venv
ENV_DIR=$ROOT/etc/attachment
ENV_FILE=$ENV_DIR/env
BACKUPS=$ROOT/var/backups/attachment
SYSTEMD=$ROOT/etc/systemd/system
NGINX=$ROOT/etc/nginx
LIVE_CERT=$ROOT/etc/letsencrypt/live/$DOMAIN

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }
# Management commands run as the site's own user, with its settings (deploy/manage).
manage() { "$APP/deploy/manage" "$@"; }

[ -n "$DOMAIN" ] || fail "usage: sudo deploy/install.sh DOMAIN ADMIN_EMAIL"
[ -n "$ADMIN_EMAIL" ] || fail "usage: sudo deploy/install.sh DOMAIN ADMIN_EMAIL"
[[ $DOMAIN =~ ^[A-Za-z0-9.-]+$ ]] || fail "the domain must be a bare host name, not $DOMAIN"
[ "$(id -u)" = 0 ] || fail "run it as root (sudo)"

say "Debian packages"
packages=(nginx certbot postgresql rsync curl ca-certificates python3-venv)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

say "The attachment user and its folders"
if ! getent passwd attachment >/dev/null; then
    useradd --system --home-dir /srv/attachment --shell /usr/sbin/nologin attachment
fi
install -d -m 0755 "$HOME_DIR" "$APP" "$HOME_DIR/static"
install -d -m 0750 -o attachment -g attachment "$HOME_DIR/media"
install -d -m 0700 -o attachment -g attachment "$BACKUPS"
install -d -m 0750 -o root -g attachment "$ENV_DIR"
# CACHE_DIR: systemd's CacheDirectory= makes it too, but migrate runs before any unit.
install -d -m 0700 -o attachment -g attachment "$ROOT/var/cache/attachment"
# nginx serves the uploads, so its group may read them (and nothing else of the app's).
chgrp www-data "$HOME_DIR/media" && chmod 2750 "$HOME_DIR/media"

say "The code, from $SOURCE"
# --delay-updates: the new files appear together at the end, not one by one.
rsync -a --delete --delay-updates \
    --exclude .git --exclude .venv --exclude node_modules --exclude '.cache' \
    --exclude staticfiles --exclude media --exclude 'db.sqlite3*' --exclude .env \
    --exclude 'bench/.observatory' --exclude '__pycache__' \
    "$SOURCE/" "$APP/"
git -C "$SOURCE" rev-parse HEAD >"$APP/REVISION" 2>/dev/null || echo unknown >"$APP/REVISION"
chown -R root:root "$APP"

say "Python and the locked dependencies"
if [ ! -x "$HOME_DIR/uv/bin/uv" ]; then
    python3 -m venv "$HOME_DIR/uv"
    "$HOME_DIR/uv/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
export UV_PYTHON_INSTALL_DIR=$HOME_DIR/python UV_PROJECT_ENVIRONMENT=$VENV
[ -x "$VENV/bin/python" ] || "$HOME_DIR/uv/bin/uv" venv --quiet --python "$PYTHON" "$VENV"
(cd "$APP" && "$HOME_DIR/uv/bin/uv" sync --locked --no-dev --quiet --python "$VENV/bin/python")

say "The settings ($ENV_FILE)"
if [ ! -f "$ENV_FILE" ]; then
    secret=$("$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(50))')
    # umask first: the file never exists readable by others, not even for a moment.
    (
        umask 077
        sed -e "s|@DOMAIN@|$DOMAIN|g" -e "s|@ADMIN_EMAIL@|$ADMIN_EMAIL|g" \
            -e "s|@SECRET_KEY@|$secret|g" -e "s|@ROOT@|$ROOT|g" \
            -e "s|postgres:///attachment|${DATABASE_URL:-postgres:///attachment}|" \
            "$APP/deploy/env.template" >"$ENV_FILE"
    )
    echo "Wrote $ENV_FILE with a new SECRET_KEY. Fill in EMAIL_HOST and its password there."
else
    echo "Kept $ENV_FILE as it is."
fi
chown attachment:attachment "$ENV_FILE"
chmod 0600 "$ENV_FILE"

say "The database"
if grep -q '^DATABASE_URL="\?postgres:///attachment"\?$' "$ENV_FILE"; then
    # The local PostgreSQL, reached by the attachment user without a password (peer).
    if [ -z "$(runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'attachment'")" ]; then
        runuser -u postgres -- createuser attachment
    fi
    if [ -z "$(runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'attachment'")" ]; then
        runuser -u postgres -- createdb --owner attachment attachment
    fi
fi

say "migrate and collectstatic"
manage migrate --no-input
# Written as the site's user, then handed back to root: the site itself can never change
# the JavaScript that visitors' browsers run.
chown -R attachment:attachment "$HOME_DIR/static"
manage collectstatic --no-input --verbosity 0
chown -R root:root "$HOME_DIR/static"

say "systemd units and timers"
install -m 0644 "$APP"/deploy/systemd/*.service "$APP"/deploy/systemd/*.timer "$SYSTEMD/"
systemctl daemon-reload
timers=(attachment-send-outbox attachment-purge attachment-backup attachment-sync-calendars)
systemctl enable --now "${timers[@]/%/.timer}"
systemctl enable attachment.service
if systemctl is-active --quiet attachment.service; then
    # New workers on the new code; the old ones finish what they are serving first.
    systemctl reload attachment.service
else
    systemctl start attachment.service
fi
if manage help db_worker >/dev/null 2>&1; then
    systemctl enable attachment-worker.service
    # SIGTERM lets the task in hand finish; the new process runs the new code.
    systemctl restart attachment-worker.service
fi

say "nginx and the certificate"
install -d -m 0755 "$ROOT/var/www/letsencrypt"
install -m 0644 "$APP/deploy/nginx/attachment-headers.conf" "$NGINX/snippets/"
site=$(sed "s|@DOMAIN@|$DOMAIN|g" "$APP/deploy/nginx/attachment.conf")
if [ ! -f "$LIVE_CERT/fullchain.pem" ]; then
    # No certificate yet: serve the challenge with Debian's stand-in certificate (package
    # ssl-cert), ask Let's Encrypt, then switch to the real one.
    sed -e "s|$LIVE_CERT/fullchain.pem|/etc/ssl/certs/ssl-cert-snakeoil.pem|" \
        -e "s|$LIVE_CERT/privkey.pem|/etc/ssl/private/ssl-cert-snakeoil.key|" \
        <<<"$site" >"$NGINX/sites-available/attachment"
    ln -sf ../sites-available/attachment "$NGINX/sites-enabled/attachment"
    rm -f "$NGINX/sites-enabled/default"
    nginx -t -q && systemctl reload-or-restart nginx
    certbot certonly --webroot --webroot-path /var/www/letsencrypt --domain "$DOMAIN" \
        --email "$ADMIN_EMAIL" --agree-tos --non-interactive \
        --deploy-hook "systemctl reload nginx"
fi
printf '%s\n' "$site" >"$NGINX/sites-available/attachment"
ln -sf ../sites-available/attachment "$NGINX/sites-enabled/attachment"
rm -f "$NGINX/sites-enabled/default"
nginx -t -q
systemctl reload-or-restart nginx

say "Done: https://$DOMAIN/ ($(cat "$APP/REVISION"))"
if ! manage shell -c 'from django.contrib.auth.models import User; import sys; sys.exit(not User.objects.filter(is_superuser=True).exists())' 2>/dev/null; then
    echo "Create the therapist's admin account: sudo $APP/deploy/manage createsuperuser"
fi
