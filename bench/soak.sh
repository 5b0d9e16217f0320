#!/usr/bin/env bash
# Soak: mixed traffic (pages, quiz answers, booking attempts) against gunicorn with
# production settings on PostgreSQL, on loopback, for 10 minutes.
#
#   bench/soak.sh                          # 600 s, 4 visitor threads, 2 sync workers
#   SOAK_SECONDS=60 bench/soak.sh          # a shorter trial run
#   SOAK_WARM_UP=15 SOAK_SAMPLE_EVERY=30   # warm-up and memory sampling, in seconds
#
# Prints the requests served, the 5xx count (must be 0) and the workers' memory (RSS)
# after a warm-up and at the end (it should stay flat). Exits non-zero on any 5xx.
# Rate limits and the booking form's minimum time are off, as in the other benchmarks:
# the point is the server under steady use, not the limits (tests cover those).
set -euo pipefail
source "$(dirname "$0")/_common.sh"
cd "$BENCH_ROOT"

SECONDS_TO_RUN=${SOAK_SECONDS:-600}
WARM_UP=${SOAK_WARM_UP:-90}
SAMPLE_EVERY=${SOAK_SAMPLE_EVERY:-60}
THREADS=${SOAK_THREADS:-4}
PORT=${SOAK_PORT:-8024}
DB=attachment_security_soak
SMTP_PORT=${SOAK_SMTP_PORT:-8080}
SMTP_PID=
stop_all() {
    bench_stop_gunicorn
    [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null && { wait "$SMTP_PID" 2>/dev/null || true; }
    return 0
}
trap stop_all EXIT

rss() {  # "pid:RSS kB" for each gunicorn worker
    for pid in $(pgrep -P "$GUNICORN_PID"); do
        printf '%s:%s ' "$pid" "$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
    done
}
total_rss() { rss | tr ' ' '\n' | awk -F: 'NF == 2 {s += $2} END {print s}'; }

bench_setup_venv
bench_fresh_db "$DB"
bench_production_env "$DB" "$PORT"
"$PY" bench/throughput_seed.py >/dev/null || echo "(seeding extra content failed; going on)"
# A mail server that accepts and drops everything, so the outbox sends as in production.
"$PY" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Sink &
SMTP_PID=$!
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=$SMTP_PORT EMAIL_USE_TLS=false
bench_collectstatic
bench_start_gunicorn "$PORT" 2
BASE="http://127.0.0.1:$PORT"

# Long enough for what each worker keeps by design to fill up (the one-page quiz's
# statements, at most 16 variants of each: quiz/statements.py), so what grows after it
# is what would keep growing.
echo "Warming up for $WARM_UP s..."
"$PY" bench/security_traffic.py soak "$BASE" "$WARM_UP" "$THREADS" >/dev/null
start_rss=$(rss); start_total=$(total_rss)
echo "Soaking for $SECONDS_TO_RUN s with $THREADS visitor threads against 2 sync workers..."
began=$(date +%s)
SAMPLES=$(mktemp)
# The workers' memory every SAMPLE_EVERY seconds: a bounded cache levels off, a leak climbs.
(while sleep "$SAMPLE_EVERY"; do echo "  after $(( $(date +%s) - began )) s: $(total_rss) kB"; done) >"$SAMPLES" &
SAMPLER_PID=$!
result=$("$PY" bench/security_traffic.py soak "$BASE" "$SECONDS_TO_RUN" "$THREADS")
elapsed=$(( $(date +%s) - began ))
end_rss=$(rss); end_total=$(total_rss)
kill "$SAMPLER_PID" 2>/dev/null || true

echo "result: $result"
"$PY" - "$result" "$elapsed" <<'PY'
import json, sys
r, elapsed = json.loads(sys.argv[1]), int(sys.argv[2])
print(f"requests served: {r.get('requests', 0)} in {elapsed} s ({r.get('requests', 0) / max(elapsed, 1):.0f}/s)")
print(f"  2xx {r.get('2xx', 0)}, 3xx {r.get('3xx', 0)}, 4xx {r.get('4xx', 0)}, 5xx {r.get('5xx', 0)}, connection errors {r.get('connection errors', 0)}")
print(f"  quiz results shown {r.get('quiz results shown', 0)}, bookings made {r.get('bookings made', 0)}, of which cancelled {r.get('bookings cancelled', 0)}")
PY
echo "worker RSS after warm-up (pid:kB): $start_rss (total $start_total kB)"
echo "worker RSS over the run (total of both workers):"
cat "$SAMPLES"
echo "worker RSS at the end    (pid:kB): $end_rss (total $end_total kB)"
echo "RSS change: $(( end_total - start_total )) kB ($(awk -v a="$start_total" -v b="$end_total" 'BEGIN {printf "%+.1f", (b - a) * 100 / a}')%)"
fivexx=$(echo "$result" | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print(r.get("5xx", 0) + r.get("connection errors", 0))')
if [ "$fivexx" != 0 ]; then
    echo "FAILED: $fivexx server errors or dropped connections." >&2
    exit 1
fi
echo "OK: no 5xx."
