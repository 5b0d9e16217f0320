#!/usr/bin/env bash
# Flat as the practice grows: the pages and commands that read years of data, timed at
# 10 / 1,000 / 10,000 articles and 0 / 1,000 / 100,000 consults (with send_outbox over
# a backlog of 100 / 1,000 / 10,000 emails, and the purge of the consults past the
# retention period), uncached, on PostgreSQL with production settings.
#
# Prints the median time and the number of queries of each at each size, and the ratio
# of the largest size's time to the smallest's; exits 1 if a ratio is over its goal (1.5).
#
#   bench/scale.sh            # 7 timed runs of each
#   REPEAT=3 bench/scale.sh
set -euo pipefail
source "$(dirname "$0")/_common.sh"

DB=attachment_scale
bench_setup_venv
bench_production_env "$DB" 8140
bench_fresh_db "$DB"
bench_collectstatic
echo "load before: $(uptime)"
status=0
(cd "$BENCH_ROOT" && "$PY" bench/scale.py) || status=$?
echo "load after: $(uptime)"
exit $status
