#!/usr/bin/env bash
# Mozilla's HTTP Observatory, offline, against the site with production settings behind TLS.
#
#   bench/observatory.sh          gunicorn itself on 443 (TLS) and 80
#   bench/observatory.sh nginx    the shipped deploy/nginx/attachment.conf on 80 and 443,
#                                 in front of gunicorn on 127.0.0.1:8130 (as in production)
#
# Installs the pinned scanner into bench/.observatory/ (not the project's package.json),
# makes a self-signed certificate for localhost, serves the site with gunicorn on ports
# 443 (TLS) and 80 (plain, which redirects to https:// by SECURE_SSL_REDIRECT), scans
# "localhost" and prints the grade and score. The scanner of version 1.4.8 only knows
# ports 80 and 443, so those two must be free. Needs root (low ports), node and npm.
set -euo pipefail
source "$(dirname "$0")/_common.sh"
cd "$BENCH_ROOT"

OBSERVATORY_VERSION=1.4.8
WORK="$BENCH_ROOT/bench/.observatory"
SCANNER="$WORK/node_modules/@mdn/mdn-http-observatory"
DB=attachment_security_observatory
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

for port in 80 443; do
    if ss -ltn "sport = :$port" | grep -q LISTEN; then
        echo "Port $port is in use; the scanner needs it. Stop what listens there first." >&2
        exit 1
    fi
done

mkdir -p "$WORK"
if [ ! -f "$SCANNER/package.json" ] || ! grep -q "\"version\": \"$OBSERVATORY_VERSION\"" "$SCANNER/package.json"; then
    echo "Installing @mdn/mdn-http-observatory@$OBSERVATORY_VERSION into $WORK"
    [ -f "$WORK/package.json" ] || echo '{"private": true}' >"$WORK/package.json"
    (cd "$WORK" && npm install --save-exact --ignore-scripts --no-audit --no-fund --silent \
        "@mdn/mdn-http-observatory@$OBSERVATORY_VERSION")
fi
# Offline: the HSTS preload list would be downloaded by the install script we skipped.
echo '{}' >"$SCANNER/conf/hsts-preload.json"

if [ ! -f "$WORK/localhost.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost" \
        -keyout "$WORK/localhost-key.pem" -out "$WORK/localhost.pem" 2>/dev/null
fi

bench_setup_venv
bench_fresh_db "$DB"
bench_production_env "$DB" 443
# The real production switch: an https:// site (HSTS, secure __Host- cookies, redirect).
export SITE_URL="https://localhost" ALLOWED_HOSTS="localhost"
export BOOKING_RATE_LIMIT=5/h QUIZ_RATE_LIMIT=30/h
bench_collectstatic

GUNICORN="$BENCH_ROOT/.venv/bin/gunicorn"
if [ "${1:-}" = nginx ]; then
    # The shipped site file, with only this machine's certificate, folders and port put in.
    export CLIENT_IP_HEADER=HTTP_X_REAL_IP
    STATIC_ROOT=$("$PY" manage.py shell -v 0 -c 'from django.conf import settings; print(settings.STATIC_ROOT)')
    mkdir -p "$WORK/nginx" "$WORK/media"
    sed -e 's|@DOMAIN@|localhost|g' \
        -e "s|/etc/letsencrypt/live/localhost/fullchain.pem|$WORK/localhost.pem|" \
        -e "s|/etc/letsencrypt/live/localhost/privkey.pem|$WORK/localhost-key.pem|" \
        -e "s|/srv/attachment/static/|$STATIC_ROOT/|" -e "s|/srv/attachment/media/|$WORK/media/|" \
        -e 's|127.0.0.1:8000|127.0.0.1:8130|' -e "s|/var/log/nginx/|$WORK/nginx/|" \
        -e "s|snippets/attachment-headers.conf|$BENCH_ROOT/deploy/nginx/attachment-headers.conf|" \
        -e '/\[::\]/d' \
        deploy/nginx/attachment.conf >"$WORK/nginx/site.conf"
    cat >"$WORK/nginx/nginx.conf" <<CONF
user root;
worker_processes 1;
error_log $WORK/nginx/error.log;
pid $WORK/nginx/nginx.pid;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/site.conf;
}
CONF
    "$GUNICORN" --config deploy/gunicorn.conf.py attachment.wsgi --workers 2 --bind 127.0.0.1:8130 &
    PIDS+=($!)
    nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
    PIDS+=($!)
    BEHIND="nginx 1.22 with deploy/nginx/attachment.conf, in front of gunicorn"
else
    "$GUNICORN" attachment.wsgi --workers 2 --bind 127.0.0.1:443 --log-level warning \
        --certfile "$WORK/localhost.pem" --keyfile "$WORK/localhost-key.pem" &
    PIDS+=($!)
    "$GUNICORN" attachment.wsgi --workers 1 --bind 127.0.0.1:80 --log-level warning &
    PIDS+=($!)
    BEHIND="gunicorn with TLS"
fi
for _ in $(seq 1 100); do
    curl -sf --cacert "$WORK/localhost.pem" https://localhost/healthz >/dev/null && break
    sleep 0.2
done
echo "Plain HTTP answers: $(curl -s -o /dev/null -w '%{http_code} -> %{redirect_url}' http://localhost/)"

RESULT="$WORK/result.json"
NODE_EXTRA_CA_CERTS="$WORK/localhost.pem" node "$SCANNER/src/scan.js" localhost >"$RESULT"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (r.error) { console.log("scan failed:", r.error); process.exit(1); }
console.log(`HTTP Observatory ${process.argv[2]} on https://localhost/ (${process.argv[3]})`);
console.log(`grade: ${r.scan.grade}   score: ${r.scan.score}/100   tests passed: ${r.scan.testsPassed}/${r.scan.testsQuantity}`);
for (const [name, t] of Object.entries(r.tests)) {
  console.log(`  ${t.pass ? "pass" : "FAIL"}  ${String(t.scoreModifier).padStart(4)}  ${name}: ${t.result}`);
}
' "$RESULT" "$OBSERVATORY_VERSION" "$BEHIND"
