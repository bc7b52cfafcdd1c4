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

BIN=.venv/bin
PG_HOST=127.0.0.1
PG_PORT=5432
CLIENTS=${BENCH_CLIENTS:-8}
READ_SECONDS=${BENCH_READ_SECONDS:-10}

workdir=$(mktemp -d "${TMPDIR:-/tmp}/factcheck-bench.XXXXXX")
server_pid=""
db=""

cleanup() {
    local status=$?
    set +e
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        # make, gunicorn's master and its workers: the process group setsid gave them.
        kill -TERM -- "-$server_pid" 2>/dev/null
        for _ in $(seq 40); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.25; done
        kill -KILL -- "-$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    if [[ -n "$db" ]]; then
        psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
            >/dev/null 2>&1 || true
    fi
    if [[ $status -ne 0 && -s "$workdir/server.log" ]]; then
        echo "== last lines of the server log ($workdir kept)" >&2
        tail -n 40 "$workdir/server.log" >&2
    else
        rm -rf "$workdir"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Database -------------------------------------------------------------------------------
if [[ -z "${DATABASE_URL:-}" ]]; then
    if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
        for _ in $(seq 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
    fi
    db="factcheck_bench_$$"
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $db"
    export DATABASE_URL="postgres://postgres@$PG_HOST:$PG_PORT/$db"
fi
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "bench: DATABASE_URL must point to PostgreSQL" >&2; exit 2 ;;
esac

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
port=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
echo "== make serve PORT=$port (WEB_CONCURRENCY=${WEB_CONCURRENCY:-default}), log in $workdir/server.log"
# In its own process group, so that make, gunicorn and its workers stop together.
setsid make serve PORT="$port" >"$workdir/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 240); do
    curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "bench: the server exited" >&2; exit 1; }
    sleep 0.5
done
curl -fsS -o /dev/null "$base/healthz" || { echo "bench: the server is not up" >&2; exit 1; }

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
