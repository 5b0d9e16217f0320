# Shared by the benchmark scripts: find the project's Python, make a PostgreSQL database,
# start and stop gunicorn with production settings on loopback.
# shellcheck shell=bash

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$BENCH_ROOT/.venv/bin/python"
PG="postgres://postgres@127.0.0.1:5432"
# With DEBUG off, settings refuse to start without a real key: each run makes its own.
SECRET_KEY="${SECRET_KEY:-bench-$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')}"
export SECRET_KEY

bench_setup_venv() {
    [ -x "$PY" ] || "$BENCH_ROOT/dev" setup
}

# bench_fresh_db NAME: drop and create a database, then migrate it.
bench_fresh_db() {
    local name=$1
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" postgres
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $name" postgres
    DATABASE_URL="$PG/$name" "$PY" "$BENCH_ROOT/manage.py" migrate --no-input -v 0
}

# Production settings, but on plain HTTP on loopback (no TLS proxy in front here).
bench_production_env() {
    local name=$1 port=$2
    export DATABASE_URL="$PG/$name"
    export DEBUG=false
    export SITE_URL="http://127.0.0.1:$port"
    export ALLOWED_HOSTS="127.0.0.1,localhost"
    export EMAIL_HOST=127.0.0.1 EMAIL_PORT=2525 EMAIL_USE_TLS=false
    export BOOKING_RATE_LIMIT=0 QUIZ_RATE_LIMIT=0 BOOKING_MIN_SECONDS=0
    # and the site-wide caps on new consults (an hour, a day), which pause booking
    export BOOKING_SITE_LIMIT_PER_HOUR=0 BOOKING_SITE_LIMIT_PER_DAY=0
    export LOG_LEVEL=WARNING
    # A cache folder of this run's own: pages cached by an earlier run, on another
    # database, must not be served by this one.
    CACHE_DIR=$(mktemp -d)
    export CACHE_DIR
}

bench_collectstatic() {
    "$PY" "$BENCH_ROOT/manage.py" collectstatic --no-input -v 0
}

# bench_start_gunicorn PORT [WORKERS]: start in the background; sets GUNICORN_PID.
bench_start_gunicorn() {
    local port=$1 workers=${2:-2}
    (cd "$BENCH_ROOT" && exec "$BENCH_ROOT/.venv/bin/gunicorn" attachment.wsgi \
        --workers "$workers" --bind "127.0.0.1:$port" --log-level warning) &
    GUNICORN_PID=$!
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
        sleep 0.2
    done
    echo "gunicorn did not start on port $port" >&2
    return 1
}

bench_stop_gunicorn() {
    [ -n "${GUNICORN_PID:-}" ] && kill "$GUNICORN_PID" 2>/dev/null && { wait "$GUNICORN_PID" 2>/dev/null || true; }
    GUNICORN_PID=
}
