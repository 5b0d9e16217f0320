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
# Non-2xx is expected for the scoring POST: it answers 303 See Other, to the result.
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
# The quiz's POSTs need a CSRF cookie and token, as a visitor's browser has them.
JAR=$(mktemp)
TOKEN=$(curl -sf -c "$JAR" "$BASE/quiz/ecr-r/" | grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' | head -n 1 | cut -d'"' -f4)
COOKIE="csrftoken=$(awk '$6 == "csrftoken" {print $7}' "$JAR")"
PREFIX=$("$PY" -c "import sys; sys.path.insert(0, '$BENCH_ROOT'); from quiz.forms import FIELD_PREFIX; print(FIELD_PREFIX)")
ALL_ANSWERS="csrfmiddlewaretoken=$TOKEN"
for n in $(seq 1 36); do ALL_ANSWERS="$ALL_ANSWERS&$PREFIX$n=$(( (n % 7) + 1 ))"; done
RESULT=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$COOKIE" -H "Referer: $BASE/quiz/ecr-r/" --data "$ALL_ANSWERS" "$BASE/quiz/ecr-r/" | sed "s#^$BASE##")
[ -n "$RESULT" ] || { echo "scoring did not redirect to a result" >&2; exit 1; }
LUA_DIR=$(mktemp -d)
post_script() {  # post_script NAME BODY [htmx]: a wrk script that POSTs the body
    local htmx=""
    [ -z "${3:-}" ] || htmx='wrk.headers["HX-Request"] = "true"'
    cat >"$LUA_DIR/$1.lua" <<LUA
wrk.method = "POST"
wrk.body = "$2"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$COOKIE"
wrk.headers["Referer"] = "$BASE/quiz/ecr-r/"
wrk.headers["X-CSRFToken"] = "$TOKEN"
$htmx
LUA
    echo "$LUA_DIR/$1.lua"
}
STEP_POST=$(post_script step "item=12&answer=4" htmx)
SCORE_POST=$(post_script score "$ALL_ANSWERS")

# name|path|extra request header|wrk script|goal (share of /healthz's rate)
PAGES=(
    "healthz|/healthz|||"
    "home|/|||"
    "articles|/articles/|||"
    "article|$ARTICLE|||"
    "quiz|/quiz/|||"
    "quiz step GET (htmx)|/quiz/ecr-r/?item=12|HX-Request: true||50%"
    "quiz step POST (htmx)|/quiz/ecr-r/answer/|||50%"
    "scoring POST|/quiz/ecr-r/|||40%"
    "result page|$RESULT|||60%"
    "one-page questionnaire|/quiz/ecr-r/|||40%"
    "book|/book/|||"
)
script_for() {
    case $1 in
        "quiz step POST (htmx)") echo "$STEP_POST" ;;
        "scoring POST") echo "$SCORE_POST" ;;
    esac
}

# Warm every page (caches, connections) before measuring.
for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path _ <<<"$entry"
    [ -z "$(script_for "$name")" ] || continue  # the POSTs warm up in their first round
    for _ in 1 2 3; do curl -sf -o /dev/null -b "$COOKIE" "$BASE$path" || { echo "warm-up failed for $path" >&2; exit 1; }; done
done

RESULTS=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
    for entry in "${PAGES[@]}"; do
        IFS='|' read -r name path header _ _ <<<"$entry"
        script=$(script_for "$name")
        out=$(wrk -t1 -c8 -d"${DURATION}s" --latency ${header:+-H "$header"} -H "Cookie: $COOKIE" ${script:+-s "$script"} "$BASE$path")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" >>"$RESULTS"
    done
done

GOALS=$(for entry in "${PAGES[@]}"; do IFS='|' read -r name _ _ _ goal <<<"$entry"; printf '%s\t%s\n' "$name" "$goal"; done)
"$PY" - "$RESULTS" "$GOALS" <<'PYEOF'
import csv, statistics, sys
goals = dict(line.split("\t") for line in sys.argv[2].splitlines())

def ms(text):
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * units[unit]
    return float(text)

rows = list(csv.reader(open(sys.argv[1]), delimiter="\t"))
pages = list(dict.fromkeys(r[1] for r in rows))
floor = {r[0]: float(r[2]) for r in rows if r[1] == "healthz"}
print(f"{'page':<24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs /healthz':>12} {'goal':>6} {'non-2xx':>8}")
for page in pages:
    mine = [r for r in rows if r[1] == page]
    rps = statistics.median(float(r[2]) for r in mine)
    ratio = statistics.median(float(r[2]) / floor[r[0]] for r in mine)
    p50 = statistics.median(ms(r[3]) for r in mine)
    p99 = statistics.median(ms(r[4]) for r in mine)
    bad = sum(int(r[5]) for r in mine)
    goal = goals.get(page, "")
    print(f"{page:<24} {rps:>8.0f} {p50:>8.2f} {p99:>8.2f} {ratio:>11.0%} {goal:>6} {bad:>8}")
PYEOF
rm -rf "$RESULTS" "$JAR" "$LUA_DIR"
