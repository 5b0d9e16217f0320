#!/usr/bin/env bash
# The database goes away and comes back: the site says so calmly, saves nothing half-way,
# and recovers without a restart.
#
#   bench/db_outage.sh                  # on a private PostgreSQL cluster (port 5499)
#   DB_OUTAGE_MAIN=yes bench/db_outage.sh
#
# WARNING: it STOPS a PostgreSQL server for a few seconds. By default that is a private
# cluster "attachment_outage" on port 5499 that this script creates on first use, so
# nothing else on the machine notices. With DB_OUTAGE_MAIN=yes it stops the machine's
# main cluster on port 5432 instead, which breaks every other test or server using it
# while it is down: never run that beside other work.
set -euo pipefail
source "$(dirname "$0")/_common.sh"
cd "$BENCH_ROOT"

VERSION=$(ls /etc/postgresql | sort -V | tail -1)
PORT=${DB_OUTAGE_PORT:-8024}
DB=attachment_security_outage
if [ "${DB_OUTAGE_MAIN:-}" = yes ]; then
    CLUSTER=main PGPORT=5432
    echo "WARNING: stopping the main PostgreSQL cluster ($VERSION/main) for everyone." >&2
else
    CLUSTER=attachment_outage PGPORT=5499
    if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$CLUSTER"; then
        echo "Creating the private cluster $VERSION/$CLUSTER on port $PGPORT"
        pg_createcluster "$VERSION" "$CLUSTER" --port "$PGPORT" >/dev/null
        # Trust loopback, as the main cluster here does.
        sed -i '1i host all all 127.0.0.1/32 trust' "/etc/postgresql/$VERSION/$CLUSTER/pg_hba.conf"
    fi
    pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start >/dev/null 2>&1 || true
fi
export PGPORT
PG="postgres://postgres@127.0.0.1:$PGPORT"
pg() { pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" "$@"; }
cleanup() {
    bench_stop_gunicorn
    if [ "$CLUSTER" = main ]; then
        pg status >/dev/null 2>&1 || pg start
    else
        pg stop 2>/dev/null || true  # the private cluster is only for this script
    fi
}
trap cleanup EXIT

status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$1"; }
rows() { psql -X -At -h 127.0.0.1 -U postgres -d "$DB" -c "SELECT count(*) FROM booking_booking"; }
FAILED=0
expect() {  # expect WHAT WANTED GOT
    if [ "$2" = "$3" ]; then echo "  ok    $1: $3"; else echo "  WRONG $1: $3 (wanted $2)"; FAILED=1; fi
}

bench_setup_venv
bench_fresh_db "$DB"
bench_production_env "$DB" "$PORT"
bench_collectstatic
bench_start_gunicorn "$PORT" 2
workers_before=$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')

echo "Before the outage:"
expect "/healthz" 200 "$(status /healthz)"
expect "/about/" 200 "$(status /about/)"
# A visitor opens the booking form now and sends it during the outage.
JAR=$(mktemp)
form=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/book/")
field() { echo "$form" | grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//'; }
csrf=$(field csrfmiddlewaretoken); started=$(field started); slot=$(field slot)
booked_before=$(rows)

echo "Stopping PostgreSQL ($VERSION/$CLUSTER)..."
pg stop -m fast
down_at=$(date +%s.%N)
echo "While it is down:"
expect "/healthz" 503 "$(status /healthz)"
for page in /about/ /faq/ /book/; do
    expect "$page" 503 "$(status "$page")"
done
# The quiz's questions are files and the practice's details are cached: it may go on.
echo "  info  /quiz/ (needs no database): $(status /quiz/)"
body=$(curl -s "http://127.0.0.1:$PORT/about/")
expect "the outage page is the calm one" yes "$(echo "$body" | grep -q 'We will be back in a moment' && echo yes || echo no)"
expect "the outage page leaks nothing" no "$(echo "$body" | grep -qi 'traceback\|psycopg\|OperationalError' && echo yes || echo no)"
posted=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -e "http://127.0.0.1:$PORT/book/" \
    --data-urlencode "csrfmiddlewaretoken=$csrf" --data-urlencode "started=$started" \
    --data-urlencode "slot=$slot" --data-urlencode "tz=America/Toronto" \
    --data-urlencode "name=Outage Visitor" --data-urlencode "email=outage@example.org" \
    --data-urlencode "phone=416-555-0199" --data-urlencode "in_ontario=on" \
    --data-urlencode "age_16_plus=on" --data-urlencode "consent=on" \
    "http://127.0.0.1:$PORT/book/")
expect "a booking sent during the outage" 503 "$posted"
sleep 3

echo "Starting PostgreSQL again; gunicorn is not touched."
pg start
up_at=$(date +%s.%N)
for _ in $(seq 1 100); do
    [ "$(status /healthz)" = 200 ] && break
    sleep 0.1
done
back_at=$(date +%s.%N)
echo "After it returns:"
expect "/healthz" 200 "$(status /healthz)"
ok=0
for _ in $(seq 1 20); do [ "$(status /about/)" = 200 ] && ok=$((ok + 1)); done
expect "/about/ on both workers, 20 times" 20 "$ok"
expect "bookings saved by the request sent during the outage" "$booked_before" "$(rows)"
expect "the same gunicorn workers (no restart)" "$workers_before" "$(pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' ')"
printf 'down for %.1f s; serving again %.1f s after PostgreSQL started\n' \
    "$(echo "$up_at - $down_at" | bc)" "$(echo "$back_at - $up_at" | bc)"
rm -f "$JAR"
[ "$FAILED" = 0 ] && echo "OK: calm while down, nothing half-saved, recovered by itself." || exit 1
