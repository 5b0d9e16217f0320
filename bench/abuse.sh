#!/usr/bin/env bash
# The attacks of issue 10 against gunicorn (2 sync workers, production settings,
# PostgreSQL, the production rate limits): the slow inputs, each with its worst time, and
# the calendar-filling bot, with how many posts were made, answered 303, slots taken and
# emails queued. Exits non-zero if any request took longer than 2 s.
#
#   bench/abuse.sh      # ABUSE_PORT (18100) and ABUSE_DB (attachment_h1_bench) to move it
set -euo pipefail
source "$(dirname "$0")/_common.sh"
cd "$BENCH_ROOT"

PORT=${ABUSE_PORT:-18100}
DB=${ABUSE_DB:-attachment_h1_bench}
bench_setup_venv
bench_fresh_db "$DB"
bench_production_env "$DB" "$PORT"
# The real limits, not the bench defaults; the bench plays the proxy that sets X-Real-IP.
unset BOOKING_RATE_LIMIT QUIZ_RATE_LIMIT BOOKING_MIN_SECONDS BOOKING_SITE_LIMIT_PER_HOUR BOOKING_SITE_LIMIT_PER_DAY
export CLIENT_IP_HEADER=HTTP_X_REAL_IP
# Nothing listens here: messages stay in the outbox, where they are counted.
export EMAIL_PORT=$((PORT + 1))
bench_collectstatic
PASSWORD="bench-$(head -c 16 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
DJANGO_SUPERUSER_PASSWORD=$PASSWORD "$PY" manage.py createsuperuser --no-input \
    --username bench --email bench@example.org >/dev/null

trap bench_stop_gunicorn EXIT
bench_start_gunicorn "$PORT" 2
OUTPUT=$("$PY" bench/abuse_fire.py --base "http://127.0.0.1:$PORT" --password "$PASSWORD")
echo "$OUTPUT"
count() { psql -tA -h 127.0.0.1 -U postgres -c "$1" "$DB"; }
echo "slots taken: $(count "SELECT COUNT(*) FROM booking_booking WHERE status = 'confirmed'")"
echo "emails queued: $(count 'SELECT COUNT(*) FROM booking_outgoingemail')"
WORST=$(sed -n 's/^worst request overall: //p' <<<"$OUTPUT" | cut -d' ' -f1)
"$PY" -c "import sys; sys.exit(0 if float('$WORST') <= 2.0 else 1)" || {
    echo "FAIL: a request took $WORST s (over 2 s)" >&2
    exit 1
}
