#!/usr/bin/env bash
# The property-based fuzzer with many more cases than CI runs: every URL pattern and every
# form, hostile input, never a 5xx, never an unescaped echo, never a partial write.
#
#   bench/fuzz.sh                    # HYPOTHESIS_PROFILE=bench
#   HYPOTHESIS_PROFILE=ci bench/fuzz.sh
#
# Prints the number of hostile requests tried, per test and in total.
set -euo pipefail
cd "$(dirname "$0")/.."

export HYPOTHESIS_PROFILE=${HYPOTHESIS_PROFILE:-bench}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/attachment_security_fuzz}
mkdir -p bench/out
export FUZZ_REPORT="bench/out/fuzz-$(date +%Y%m%d-%H%M%S).tsv"
: >"$FUZZ_REPORT"

start=$(date +%s)
status=0
.venv/bin/pytest -q -p no:cacheprovider -W ignore::django.core.cache.backends.base.CacheKeyWarning \
    tests/security/test_fuzz.py || status=$?
elapsed=$(( $(date +%s) - start ))

echo
echo "Hostile requests tried (profile $HYPOTHESIS_PROFILE), the ten busiest targets:"
sort -rn "$FUZZ_REPORT" | head -10 | awk -F'\t' '{printf "  %7d  %s\n", $1, $2}'
awk -F'\t' -v t="$elapsed" '{s += $1; n += 1} END {printf "total: %d hostile requests in %d fuzz tests, %d s\n", s, n, t}' "$FUZZ_REPORT"
exit "$status"
