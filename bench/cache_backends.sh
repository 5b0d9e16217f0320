#!/usr/bin/env bash
# Cached pages served from Redis against the same pages from the local file cache.
#
# Starts two gunicorns side by side on one PostgreSQL database, with production
# settings: A on the default file cache (CACHE_DIR), B with REDIS_URL (Redis database 12,
# flushed first). Runs wrk on the cached public pages against A, then B, in interleaved
# rounds so both meet the same machine load, and prints each page's requests/s on both,
# Redis's share of the file cache's rate and the goal (at least 80%). Exits 1 when the
# median share is under it.
#
#   bench/cache_backends.sh            # 5 s per measurement, 3 rounds
#   DURATION=10 ROUNDS=5 bench/cache_backends.sh
set -euo pipefail
source "$(dirname "$0")/_common.sh"

PORT_FILE=${PORT_FILE:-8151}
PORT_REDIS=${PORT_REDIS:-8152}
REDIS=${REDIS:-redis://127.0.0.1:6379/12}
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
DB=attachment_cache_backends
PAGES=(/ /about/ /quiz/ /articles/ /faq/)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
redis-cli -u "$REDIS" flushdb >/dev/null
bench_setup_venv
bench_production_env "$DB" "$PORT_FILE"
export ALLOWED_HOSTS="127.0.0.1,localhost"
bench_fresh_db "$DB"
bench_collectstatic

PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done; return 0; }
trap stop_all EXIT
bench_start_gunicorn "$PORT_FILE" 2
PIDS+=("$GUNICORN_PID")
REDIS_URL="$REDIS" bench_start_gunicorn "$PORT_REDIS" 2
PIDS+=("$GUNICORN_PID")

for port in "$PORT_FILE" "$PORT_REDIS"; do
    for page in "${PAGES[@]}"; do
        for _ in 1 2 3; do curl -sf -o /dev/null "http://127.0.0.1:$port$page"; done
        cache=$(curl -s -o /dev/null -D - "http://127.0.0.1:$port$page" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" {print $2}')
        [ "$cache" = hit ] || { echo "$page on :$port is not served from the cache (X-Cache: ${cache:-none})" >&2; exit 1; }
    done
done
[ "$(redis-cli -u "$REDIS" dbsize)" -gt 0 ] || { echo "nothing reached Redis" >&2; exit 1; }

echo "load before: $(uptime)"
RESULTS=$(mktemp)
for _ in $(seq 1 "$ROUNDS"); do
    for page in "${PAGES[@]}"; do
        for backend in file redis; do
            port=$PORT_FILE
            [ "$backend" = redis ] && port=$PORT_REDIS
            rps=$(wrk -t1 -c8 -d"${DURATION}s" "http://127.0.0.1:$port$page" | awk '/Requests\/sec/ {print $2}')
            printf '%s\t%s\t%s\n' "$page" "$backend" "$rps" >>"$RESULTS"
        done
    done
done
echo "load after: $(uptime)"

"$PY" - "$RESULTS" <<'PYEOF'
import statistics, sys
from collections import defaultdict
rates = defaultdict(list)
for line in open(sys.argv[1]):
    page, backend, rps = line.split("\t")
    rates[page, backend].append(float(rps))
pages = list(dict.fromkeys(page for page, _ in rates))
print(f"{'page':<12} {'file req/s':>11} {'Redis req/s':>12} {'Redis/file':>11} {'goal':>6}")
shares = []
for page in pages:
    file, redis = (statistics.median(rates[page, b]) for b in ("file", "redis"))
    shares.append(redis / file)
    print(f"{page:<12} {file:>11.0f} {redis:>12.0f} {redis / file:>10.0%} {'80%':>6}")
median = statistics.median(shares)
print(f"{'median':<12} {'':>11} {'':>12} {median:>10.0%} {'80%':>6}")
sys.exit(0 if median >= 0.8 else 1)
PYEOF
