#!/usr/bin/env bash
# Requests per second for the site's main pages against the framework's own floor (/healthz).
#
# Serves the site with gunicorn (2 sync workers) on PostgreSQL with production settings on
# loopback, seeds 50 articles and a month of consults, and runs wrk against each page three
# times, interleaved so that every round compares pages under the same machine load.
# Prints, per page: requests/s (median of the rounds), p50 and p99 latency, and the ratio
# to /healthz measured in the same rounds.
#
#   bench/throughput.sh            # 5 s per measurement
#   DURATION=10 bench/throughput.sh
set -euo pipefail
source "$(dirname "$0")/_common.sh"

PORT=${PORT:-8091}
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
DB=attachment_throughput

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bench_setup_venv
bench_production_env "$DB" "$PORT"
bench_fresh_db "$DB"
bench_collectstatic
"$PY" "$BENCH_ROOT/bench/throughput_seed.py"
trap bench_stop_gunicorn EXIT
bench_start_gunicorn "$PORT" 2

BASE="http://127.0.0.1:$PORT"
ARTICLE=$(curl -sf "$BASE/articles/" | grep -o 'href="/articles/[a-z0-9-]*/"' | grep -v -e '/tag/' -e '/feed/' | head -n 1 | cut -d'"' -f2)
# name|path|extra request header
PAGES=(
    "healthz|/healthz|"
    "home|/|"
    "articles|/articles/|"
    "article|$ARTICLE|"
    "quiz|/quiz/|"
    "quiz step (htmx)|/quiz/ecr-r/?item=12|HX-Request: true"
    "book|/book/|"
)

# Warm every page (caches, connections) before measuring.
for entry in "${PAGES[@]}"; do
    IFS='|' read -r _ path _ <<<"$entry"
    for _ in 1 2 3; do curl -sf -o /dev/null "$BASE$path" || { echo "warm-up failed for $path" >&2; exit 1; }; done
done

RESULTS=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
    for entry in "${PAGES[@]}"; do
        IFS='|' read -r name path header <<<"$entry"
        out=$(wrk -t1 -c8 -d"${DURATION}s" --latency ${header:+-H "$header"} "$BASE$path")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" >>"$RESULTS"
    done
done

"$PY" - "$RESULTS" <<'PYEOF'
import csv, statistics, sys

def ms(text):
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * units[unit]
    return float(text)

rows = list(csv.reader(open(sys.argv[1]), delimiter="\t"))
pages = list(dict.fromkeys(r[1] for r in rows))
floor = {r[0]: float(r[2]) for r in rows if r[1] == "healthz"}
print(f"{'page':<18} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs /healthz':>12} {'non-2xx':>8}")
for page in pages:
    mine = [r for r in rows if r[1] == page]
    rps = statistics.median(float(r[2]) for r in mine)
    ratio = statistics.median(float(r[2]) / floor[r[0]] for r in mine)
    p50 = statistics.median(ms(r[3]) for r in mine)
    p99 = statistics.median(ms(r[4]) for r in mine)
    bad = sum(int(r[5]) for r in mine)
    print(f"{page:<18} {rps:>8.0f} {p50:>8.2f} {p99:>8.2f} {ratio:>11.0%} {bad:>8}")
PYEOF
rm -f "$RESULTS"
