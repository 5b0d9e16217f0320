#!/usr/bin/env bash
# The therapist's calendars: how long sync_calendars takes and how much memory it needs
# for 3 calendars of 5 years of weekly events, and what 2,000 busy intervals cost /book/.
#
# 1. Serves 3 calendars (12 weekly series and 3,120 one-off weekly events each, 5 years)
#    on loopback and reads them in one process: a full read, then one the server answers
#    with 304, then a full read under tracemalloc for peak memory; and the whole
#    `manage.py sync_calendars` under /usr/bin/time for its resident memory.
# 2. gunicorn (2 sync workers, production settings): wrk on /book/ with no busy intervals
#    and with 2,000, alternated in one run (ratio per round), and in one process the
#    uncached computation of the free times (what the page does once a minute and every
#    booking does under the lock), with 0 and 2,000.
#
#   bench/calendar.sh               # 5 s per wrk measurement
#   DURATION=10 bench/calendar.sh
set -euo pipefail
source "$(dirname "$0")/_common.sh"

PORT=${PORT:-8071}
FEED_PORT=${FEED_PORT:-8072}
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-2}
DB=attachment_calendar_bench

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bench_setup_venv
bench_production_env "$DB" "$PORT"
export CALENDAR_ALLOW_LOOPBACK=true
bench_fresh_db "$DB"
bench_collectstatic
BENCH="$BENCH_ROOT/bench/calendar_bench.py"

"$PY" "$BENCH" serve "$FEED_PORT" &
FEED_PID=$!
cleanup() { bench_stop_gunicorn; kill "$FEED_PID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$FEED_PORT/cal0.ics" && break; sleep 0.2; done
"$PY" "$BENCH" feeds "$FEED_PORT"

echo "== sync_calendars: 3 calendars, 5 years of weekly events each"
"$PY" "$BENCH" sync
echo "(the whole command, start-up included, for its memory as the timer runs it:)"
/usr/bin/time -f "manage.py sync_calendars (unchanged): %e s wall, max RSS %M KB" \
    "$PY" "$BENCH_ROOT/manage.py" sync_calendars
/usr/bin/time -f "manage.py check (start-up alone): %e s wall, max RSS %M KB" \
    "$PY" "$BENCH_ROOT/manage.py" check >/dev/null
"$PY" "$BENCH_ROOT/manage.py" shell -c "from booking.models import CalendarFeed; CalendarFeed.objects.all().delete()"

echo "== /book/ with 0 and 2,000 busy intervals"
bench_start_gunicorn "$PORT" 2
BASE="http://127.0.0.1:$PORT"
RESULTS=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
    for count in 0 2000; do
        "$PY" "$BENCH" busy "$count"
        for _ in 1 2 3; do curl -sf -o /dev/null "$BASE/book/"; done
        out=$(wrk -t1 -c8 -d"${DURATION}s" --latency "$BASE/book/")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        printf 'round %s, %5s busy: %8s req/s, p50 %s, p99 %s\n' "$round" "$count" "$rps" "$p50" "$p99" | tee -a "$RESULTS"
    done
done
awk '/   0 busy/ {none=$5} /2000 busy/ {print "round " $2 " req/s ratio 2,000 busy / none: " sprintf("%.2f", $5 / none)}' "$RESULTS"
bench_stop_gunicorn

echo "== free times computed without the cache (in one process)"
"$PY" "$BENCH" compute
