#!/usr/bin/env bash
# Proves one backup round trip: pg_dump, pg_restore into a fresh database, same rows.
#
#   bench/backup.sh              # a fresh, seeded database (content, consults, an admin)
#   bench/backup.sh DBNAME       # or an existing database on 127.0.0.1:5432, read only
#
# Prints the row count of every table in the source and in the restored copy, and exits
# non-zero if any differs. The dump is the same command the README gives the practice.
set -euo pipefail
source "$(dirname "$0")/_common.sh"
cd "$BENCH_ROOT"

SOURCE=${1:-}
RESTORED=attachment_security_restored
OUT="$BENCH_ROOT/bench/out"
DUMP="$OUT/backup-$(date +%Y%m%d-%H%M%S).dump"
PSQL=(psql -X -q -h 127.0.0.1 -U postgres)
mkdir -p "$OUT"

bench_setup_venv
if [ -z "$SOURCE" ]; then
    SOURCE=attachment_security_backup
    echo "Making a seeded source database: $SOURCE"
    bench_fresh_db "$SOURCE"
    DATABASE_URL="$PG/$SOURCE" "$PY" bench/throughput_seed.py >/dev/null ||
        echo "(bench/throughput_seed.py failed: the source has the migrations' content only)"
    DATABASE_URL="$PG/$SOURCE" ADMIN_PASSWORD="backup round trip only" \
        "$PY" manage.py ensure_admin >/dev/null
fi

row_counts() {  # every table in the public schema, "table count" per line, sorted
    local db=$1 tables sql
    tables=$("${PSQL[@]}" -At -d "$db" -c \
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    for t in $tables; do
        printf '%s %s\n' "$t" "$("${PSQL[@]}" -At -d "$db" -c "SELECT count(*) FROM \"$t\"")"
    done
}

start=$(date +%s.%N)
pg_dump -h 127.0.0.1 -U postgres --format=custom --file "$DUMP" "$SOURCE"
dumped=$(date +%s.%N)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $RESTORED WITH (FORCE)"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $RESTORED"
pg_restore -h 127.0.0.1 -U postgres --no-owner --exit-on-error --dbname "$RESTORED" "$DUMP"
restored=$(date +%s.%N)

before=$(row_counts "$SOURCE")
after=$(row_counts "$RESTORED")
printf '%-40s %10s %10s\n' "table" "$SOURCE" "restored"
join <(echo "$before") <(echo "$after") | while read -r table a b; do
    mark=""; [ "$a" = "$b" ] || mark="  <-- DIFFERENT"
    printf '%-40s %10s %10s%s\n' "$table" "$a" "$b" "$mark"
done
tables=$(echo "$before" | wc -l)
rows=$(echo "$before" | awk '{s += $2} END {print s}')
printf 'dump: %s (%s), %.1f s; restore %.1f s\n' "$DUMP" "$(du -h "$DUMP" | cut -f1)" \
    "$(echo "$dumped - $start" | bc)" "$(echo "$restored - $dumped" | bc)"
if [ "$before" = "$after" ]; then
    echo "OK: $tables tables, $rows rows, identical counts after the round trip."
else
    echo "FAILED: the restored database differs from $SOURCE." >&2
    exit 1
fi
