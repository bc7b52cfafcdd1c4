#!/usr/bin/env bash
# Load-test the API as it is served in production (`make serve`: gunicorn, debug off), on
# PostgreSQL, and report throughput, latency and SQL queries per request (bench/load.py).
#
# Steps: a database (see below) is migrated, its static files collected and seeded
# (bench/seed.py); the server is started exactly as `make serve` does, on a free port, with a
# random secret key, DJANGO_ALLOWED_HOSTS=127.0.0.1 and DJANGO_SECURE_PROXY_SSL_HEADER=1 (the
# load generator sends `X-Forwarded-Proto: https` on every request, as a TLS-terminating load
# balancer does); once /healthz answers, bench/load.py drives it and reads its request log for
# the query counts. The server is stopped and the database dropped at exit. Exits non-zero when
# any request failed (a status outside 2xx, or no response). Results:
# bench/results/load-<UTC time>.json.
#
# The database is $DATABASE_URL when set (it must not hold a `bench` workspace yet); otherwise
# a throw-away database on the local PostgreSQL (127.0.0.1:5432, user postgres, trust auth),
# started if needed and dropped at exit.
#
# Rate limits are lifted (FACTCHECK_THROTTLE_USER/ANON): the clients send far more than a user
# may, and the limits are tested in tests/test_limits.py. Everything else is as in production.
#
# Tunables (environment):
#   WEB_CONCURRENCY      gunicorn workers          (default: gunicorn.conf.py's 2 x cores + 1)
#   BENCH_CLIENTS        concurrent clients                                     (default 8)
#   BENCH_READ_SECONDS   duration of each read phase, after its warm-up         (default 10)
#   BENCH_LOAD_ARGS      extra arguments for bench/load.py as they are (see its --help)
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=bench
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
CLIENTS=${BENCH_CLIENTS:-8}
READ_SECONDS=${BENCH_READ_SECONDS:-10}

use_postgresql

# --- Production settings --------------------------------------------------------------------
secret=$("$BIN/python" -c 'import secrets, string
print("".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(50)))')
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$secret" DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_PROXY_SSL_HEADER=1 DJANGO_SETTINGS_MODULE=factcheck.settings
export FACTCHECK_THROTTLE_USER=100000000/minute FACTCHECK_THROTTLE_ANON=100000000/minute

echo "== migrate, collectstatic, seed"
"$BIN/python" manage.py migrate --no-input -v 0
"$BIN/python" manage.py collectstatic --no-input -v 0
"$BIN/python" bench/seed.py "$workdir/seed.json"

# --- Server ---------------------------------------------------------------------------------
port=$(free_port)
base="http://127.0.0.1:$port"
echo "== make serve PORT=$port (WEB_CONCURRENCY=${WEB_CONCURRENCY:-default}), log in $workdir/server.log"
start_server make serve PORT="$port"
wait_for_server "$base/healthz" 240

# --- Load -----------------------------------------------------------------------------------
echo "== bench/load.py against $base"
# shellcheck disable=SC2086 # BENCH_LOAD_ARGS is split on purpose.
"$BIN/python" bench/load.py \
    --base-url "$base" \
    --seed-file "$workdir/seed.json" \
    --server-log "$workdir/server.log" \
    --clients "$CLIENTS" \
    --read-seconds "$READ_SECONDS" \
    ${BENCH_LOAD_ARGS:-}
