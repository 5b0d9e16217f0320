#!/usr/bin/env bash
# Lighthouse (mobile profile) on the home page, an article, the quiz, a quiz step, a quiz
# result and the booking page, served by gunicorn with production settings on loopback. Prints the four
# category scores per page. Goal: 100 everywhere.
#
# Lighthouse 12.8.2 is installed into bench/.lighthouse (ignored by git): 13.x needs Node 22.
set -euo pipefail
source "$(dirname "$0")/_common.sh"

PORT=${PORT:-8092}
DB=${LH_DB:-attachment_lighthouse}  # one of its own per checkout running it at once
LH_DIR="$BENCH_ROOT/bench/.lighthouse"

if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
    mkdir -p "$LH_DIR"
    # A package.json of its own, or npm would climb up to the project's and install there.
    echo '{"name": "lighthouse-runner", "private": true}' >"$LH_DIR/package.json"
    (cd "$LH_DIR" && npm install --save-exact --no-audit --no-fund lighthouse@12.8.2 >/dev/null)
fi
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

bench_setup_venv
bench_production_env "$DB" "$PORT"
bench_fresh_db "$DB"
bench_collectstatic
trap bench_stop_gunicorn EXIT
bench_start_gunicorn "$PORT" 2

BASE="http://127.0.0.1:$PORT"
ARTICLE=$(curl -sf "$BASE/articles/" | grep -o 'href="/articles/[a-z0-9-]*/"' | grep -v -e '/tag/' -e '/feed/' | head -n 1 | cut -d'"' -f2)
RESULT=$(DJANGO_SETTINGS_MODULE=attachment.settings "$PY" -c "
import django; django.setup()
from datetime import date
from quiz.results import make_result_token
from django.urls import reverse
print(reverse('quiz:result', args=[make_result_token(instrument='ecr-r', anxiety=4.61, avoidance=2.33, taken_on=date.today())]))
")

OUT=$(mktemp -d)
printf '%-10s %12s %14s %15s %6s\n' page performance accessibility best-practices seo
for entry in "home|/" "article|$ARTICLE" "quiz|/quiz/" "step|/quiz/ecr-r/?item=1" "result|$RESULT" "book|/book/"; do
    IFS='|' read -r name path <<<"$entry"
    CHROME_PATH=/usr/bin/chromium "$LH_DIR/node_modules/.bin/lighthouse" "$BASE$path" \
        --quiet --output=json --output-path="$OUT/$name.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
        --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1 || true
    "$PY" - "$OUT/$name.json" "$name" <<'PYEOF'
import json, sys
try:
    report = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    print(f"{sys.argv[2]:<10} lighthouse failed"); sys.exit()
c = report["categories"]
score = lambda key: "n/a" if c[key]["score"] is None else round(c[key]["score"] * 100)
print(f"{sys.argv[2]:<10} {score('performance'):>12} {score('accessibility'):>14} {score('best-practices'):>15} {score('seo'):>6}")
# A score of n/a is Lighthouse failing to measure (its own error), not a page failing.
if report.get("runtimeError"):
    print(f"    lighthouse: {report['runtimeError'].get('code')}: {report['runtimeError'].get('message', '')[:120]}")
for warning in report.get("runWarnings", []):
    print(f"    lighthouse warning: {warning[:120]}")
for key in ("performance", "accessibility", "best-practices", "seo"):
    for ref in c[key]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {key}: {audit['id']} ({audit['score']})")
PYEOF
done
rm -rf "$OUT"
