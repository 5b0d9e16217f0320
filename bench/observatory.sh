#!/usr/bin/env bash
# Mozilla's HTTP Observatory, offline, against the site with production settings behind TLS.
#
#   bench/observatory.sh
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
"$GUNICORN" attachment.wsgi --workers 2 --bind 127.0.0.1:443 --log-level warning \
    --certfile "$WORK/localhost.pem" --keyfile "$WORK/localhost-key.pem" &
PIDS+=($!)
"$GUNICORN" attachment.wsgi --workers 1 --bind 127.0.0.1:80 --log-level warning &
PIDS+=($!)
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
console.log(`HTTP Observatory ${process.argv[2]} on https://localhost/`);
console.log(`grade: ${r.scan.grade}   score: ${r.scan.score}/100   tests passed: ${r.scan.testsPassed}/${r.scan.testsQuantity}`);
for (const [name, t] of Object.entries(r.tests)) {
  console.log(`  ${t.pass ? "pass" : "FAIL"}  ${String(t.scoreModifier).padStart(4)}  ${name}: ${t.result}`);
}
' "$RESULT" "$OBSERVATORY_VERSION"
