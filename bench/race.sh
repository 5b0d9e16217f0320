#!/usr/bin/env bash
# Two gunicorn servers over one PostgreSQL database, 50 simultaneous requests for one
# consult time split across them: exactly one may be booked. Exits non-zero otherwise.
#
#   bench/race.sh                      # uses postgres://postgres@127.0.0.1:5432
#   RACE_PG=postgres://user@host:5432 RACE_REQUESTS=100 bench/race.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
if [[ ! -x $PY ]]; then
  echo "No .venv here: run ./dev setup first." >&2
  exit 2
fi
PG=${RACE_PG:-postgres://postgres@127.0.0.1:5432}
DB=${RACE_DB:-attachment_race}
REQUESTS=${RACE_REQUESTS:-50}
LOGS=$(mktemp -d)

export DATABASE_URL="$PG/$DB"
export BOOKING_RATE_LIMIT=0 BOOKING_MIN_SECONDS=0
# DEBUG serves plain static files without a collectstatic step; this is a bench, not production.
export DEBUG=true SITE_URL=http://127.0.0.1:8000 LOG_LEVEL=WARNING

"$PY" - "$PG" "$DB" <<'PYEOF'
import sys, psycopg
pg, db = sys.argv[1], sys.argv[2]
with psycopg.connect(pg + "/postgres", autocommit=True) as conn:
    conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    conn.execute(f'CREATE DATABASE "{db}"')
PYEOF
"$PY" manage.py migrate --verbosity 0

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT1=$(free_port)
PORT2=$(free_port)
PIDS=()
stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT

for port in "$PORT1" "$PORT2"; do
  .venv/bin/gunicorn attachment.wsgi -b "127.0.0.1:$port" -w 4 --log-level warning \
    >"$LOGS/gunicorn-$port.log" 2>&1 &
  PIDS+=("$!")
done
for port in "$PORT1" "$PORT2"; do
  for _ in $(seq 1 100); do
    if "$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=1)" 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
done

OUTPUT=$("$PY" bench/race_fire.py --ports "$PORT1" "$PORT2" --requests "$REQUESTS")
echo "$OUTPUT"
SLOT=$(sed -n 's/^slot: //p' <<<"$OUTPUT")
ROWS=$("$PY" manage.py shell --verbosity 0 -c "
from booking.models import Booking
print(Booking.objects.filter(starts_at='$SLOT', status='confirmed').count())" 2>/dev/null | tail -1)
echo "confirmed rows for that time: $ROWS"
stop
trap - EXIT

# One success, and every other request told kindly that the time is taken: no 500s.
if grep -q '^303 (booked): 1$' <<<"$OUTPUT" && grep -q "^409 (taken): $((REQUESTS - 1))$" <<<"$OUTPUT" \
    && [[ $ROWS == 1 ]]; then
  echo "OK: exactly one booking, $((REQUESTS - 1)) told the time is taken."
else
  echo "FAILED: expected one 303, $((REQUESTS - 1)) 409s and one row (server logs in $LOGS)." >&2
  exit 1
fi
