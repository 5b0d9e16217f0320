#!/usr/bin/env bash
# Two app servers behind one nginx, over one PostgreSQL and one Redis: what must be shared,
# shown working, and what a second server buys on this machine.
#
#   bench/two_servers.sh            (WRK_SECONDS=8 by default)
#
# Starts gunicorn A (127.0.0.1:8133) and B (:8134), 2 workers each, with the same settings
# (DATABASE_URL, REDIS_URL, MEDIA_ROOT), and the shipped nginx site file on :8136/:8137
# with both in its upstream. Then checks, through one server and then the other:
#   1. the page cache is shared: a change made through A shows at once on B;
#   2. an admin login made on A is valid on B (sessions are in the database);
#   3. the admin lockout counts failures on both together (rows in PostgreSQL);
# and measures /about/ through nginx with one app server, then two (wrk).
# Uses Redis database 13 (flushed). Needs nginx and wrk (apt-get install nginx wrk).
set -euo pipefail
source "$(dirname "$0")/_common.sh"
cd "$BENCH_ROOT"

DB=attachment_two_servers
WORK=$(mktemp -d)
SECONDS_EACH=${WRK_SECONDS:-8}
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

bench_setup_venv
bench_fresh_db "$DB"
bench_production_env "$DB" 8137
export SITE_URL=https://localhost ALLOWED_HOSTS=localhost CLIENT_IP_HEADER=HTTP_X_REAL_IP
export REDIS_URL=redis://127.0.0.1:6379/13 MEDIA_ROOT="$WORK/media" STATIC_ROOT="$WORK/static"
redis-cli -n 13 flushdb >/dev/null
mkdir -p "$MEDIA_ROOT"
bench_collectstatic
DJANGO_SUPERUSER_PASSWORD="two servers, one admin 7" "$PY" manage.py createsuperuser \
    --no-input --username shikha --email s@example.org >/dev/null

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null

start_app() {
    "$BENCH_ROOT/.venv/bin/gunicorn" --config deploy/gunicorn.conf.py attachment.wsgi \
        --workers 2 --bind "127.0.0.1:$1" &
    PIDS+=($!)
}
start_app 8133
start_app 8134

# upstream: "A" or "A B"
start_nginx() {
    local servers="server 127.0.0.1:8133;"
    [ "$1" = "A B" ] && servers="server 127.0.0.1:8133; server 127.0.0.1:8134;"
    sed -e 's|@DOMAIN@|localhost|g' -e '/\[::\]/d' \
        -e 's|listen 80|listen 127.0.0.1:8136|' -e 's|listen 443|listen 127.0.0.1:8137|' \
        -e "s|/etc/letsencrypt/live/localhost/fullchain.pem|$WORK/cert.pem|" \
        -e "s|/etc/letsencrypt/live/localhost/privkey.pem|$WORK/key.pem|" \
        -e "s|/srv/attachment/static/|$STATIC_ROOT/|" -e "s|/srv/attachment/media/|$MEDIA_ROOT/|" \
        -e "s|server 127.0.0.1:8000 fail_timeout=0;|$servers|" -e "s|/var/log/nginx/|$WORK/|" \
        -e "s|snippets/attachment-headers.conf|$BENCH_ROOT/deploy/nginx/attachment-headers.conf|" \
        deploy/nginx/attachment.conf >"$WORK/site.conf"
    printf '%s\n' "user root; worker_processes 1; error_log $WORK/error.log; pid $WORK/nginx.pid;" \
        "events { worker_connections 512; }" \
        "http { include /etc/nginx/mime.types; client_body_temp_path $WORK/body;" \
        "proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/f; uwsgi_temp_path $WORK/u;" \
        "scgi_temp_path $WORK/s; include $WORK/site.conf; }" >"$WORK/nginx.conf"
    nginx -c "$WORK/nginx.conf" -p "$WORK" -g 'daemon off;' &
    NGINX_PID=$!
    PIDS+=("$NGINX_PID")
    for _ in $(seq 1 100); do
        curl -sf --cacert "$WORK/cert.pem" https://localhost:8137/healthz >/dev/null && return 0
        sleep 0.1
    done
    echo "nginx did not start" >&2
    return 1
}
stop_nginx() { kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; }

# Straight to one app server, as nginx would send it (HTTPS, the client's address).
app() {
    local port=$1 path=$2
    shift 2
    curl -s -H 'Host: localhost' -H 'X-Forwarded-Proto: https' -H 'X-Real-IP: 198.51.100.4' \
        "$@" "http://127.0.0.1:$port$path"
}
for port in 8133 8134; do
    for _ in $(seq 1 100); do app "$port" /healthz -f >/dev/null && break; sleep 0.2; done
done

echo "== 1. The page cache is shared (Redis)"
app 8133 /about/ >/dev/null
app 8134 /about/ >/dev/null # now cached
"$PY" manage.py shell -v 0 -c "
from attachment.models import PracticeDetails
p = PracticeDetails.load(); p.name = 'Renamed On Server A'; p.save()"
if app 8134 /about/ | grep -q 'Renamed On Server A'; then
    echo "   pass: a change saved through A is on B's next page"
else
    echo "   FAIL: B still serves its old page"
fi

echo "== 2. An admin login on A is valid on B (sessions in PostgreSQL)"
jar="$WORK/cookies"
token=$(app 8133 /admin/login/ -c "$jar" | grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' | cut -d'"' -f4)
app 8133 /admin/login/ -b "$jar" -c "$jar" -o /dev/null \
    -H 'Referer: https://localhost/admin/login/' \
    --data-urlencode username=shikha --data-urlencode "password=two servers, one admin 7" \
    --data-urlencode "csrfmiddlewaretoken=$token"
status=$(app 8134 /admin/ -b "$jar" -o /dev/null -w '%{http_code}')
[ "$status" = 200 ] && echo "   pass: B shows the admin (200)" || echo "   FAIL: B answered $status"

echo "== 3. The admin lockout counts across both (django-axes, rows in PostgreSQL)"
login() { # port password -> status code
    local jar="$WORK/jar-$1" token
    token=$(app "$1" /admin/login/ -c "$jar" | grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' | cut -d'"' -f4)
    app "$1" /admin/login/ -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
        -H 'Referer: https://localhost/admin/login/' \
        --data-urlencode username=shikha --data-urlencode "password=$2" \
        --data-urlencode "csrfmiddlewaretoken=$token"
}
codes=()
for port in 8133 8134 8133 8134 8133; do codes+=("$(login "$port" wrong-password-1234)"); done
codes+=("$(login 8134 "two servers, one admin 7")")
echo "   5 wrong passwords on A, B, A, B, A, then the right one on B: ${codes[*]}"
echo "   (the last must be refused, 429: the 5 failures were counted together)"

echo "== 4. /about/ through nginx, wrk -t2 -c16 -d${SECONDS_EACH}s (2 shared cores: ratios only)"
for upstream in "A" "A B"; do
    start_nginx "$upstream"
    rate=$(wrk -t2 -c16 -d"${SECONDS_EACH}s" https://localhost:8137/about/ | awk '/Requests\/sec/ {print $2}')
    echo "   app servers: $upstream   requests/s: $rate"
    stop_nginx
done
