#!/usr/bin/env bash
# Fuzz the live API with Schemathesis, from its own OpenAPI schema, on PostgreSQL.
#
# Every operation of /api/schema/ is exercised, authenticated as the demo editor, with every
# Schemathesis check: no 5xx, responses conform to the schema, every status code returned is
# documented, and so on. Exits non-zero when Schemathesis reports a failure.
#
# The database is $DATABASE_URL when set; otherwise a throw-away database on the local
# PostgreSQL (127.0.0.1:5432, user postgres, trust auth), started if needed and dropped at exit.
#
# Tunables (environment):
#   FUZZ_MAX_EXAMPLES  test cases per operation and phase            (default 5)
#   FUZZ_SEED          Hypothesis seed, for reproducible runs         (default 20250101)
#   FUZZ_TIMEOUT       hard bound on the Schemathesis run, seconds    (default 600)
#   FUZZ_WORKERS       concurrent Schemathesis workers                (default 1: reproducible)
#   FUZZ_PHASES        Schemathesis phases             (default examples,coverage,fuzzing,stateful)
#   FUZZ_DEBUG         1 to serve with DJANGO_DEBUG=1                 (default 0, see below)
#   FUZZ_REPORT_DIR    if set, JUnit and NDJSON reports are written there
#   FUZZ_ARGS          extra arguments passed to `schemathesis run` as they are
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
PG_HOST=127.0.0.1
PG_PORT=5432
MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-5}
PHASES=${FUZZ_PHASES:-examples,coverage,fuzzing,stateful}
SEED=${FUZZ_SEED:-20250101}
TIMEOUT=${FUZZ_TIMEOUT:-600}
WORKERS=${FUZZ_WORKERS:-1}

workdir=$(mktemp -d "${TMPDIR:-/tmp}/factcheck-fuzz.XXXXXX")
server_pid=""
db=""

cleanup() {
    local status=$?
    set +e
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null
        for _ in $(seq 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.25; done
        kill -KILL "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    if [[ -n "$db" ]]; then
        psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
            >/dev/null 2>&1 || true
    fi
    if [[ $status -ne 0 && -s "$workdir/server.log" ]]; then
        echo "== last lines of the server log ($workdir/server.log kept)" >&2
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
    db="factcheck_fuzz_$$"
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $db"
    export DATABASE_URL="postgres://postgres@$PG_HOST:$PG_PORT/$db"
fi
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "fuzz: DATABASE_URL must point to PostgreSQL" >&2; exit 2 ;;
esac

# --- Server ---------------------------------------------------------------------------------
# Served as in production, debug off: with DJANGO_DEBUG=1 Django answers URLs that match no route
# with its HTML debug page instead of the API's handler404 (a problem+json document), which the
# content-type check would report although production never sends it. FUZZ_DEBUG=1 to compare.
if [[ "${FUZZ_DEBUG:-0}" == 1 ]]; then
    export DJANGO_DEBUG=1
else
    export DJANGO_DEBUG=0 DJANGO_SECRET_KEY="fuzz-$(date +%s)-$RANDOM$RANDOM$RANDOM"
    export DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_HSTS_SECONDS=0
fi
# The fuzzer sends far more than a client may; rate limits are tested in tests/test_limits.py.
export FACTCHECK_THROTTLE_ANON=1000000/min FACTCHECK_THROTTLE_USER=1000000/min

"$BIN/python" manage.py migrate --no-input -v 0
"$BIN/python" manage.py load_demo

port=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$BIN/python" manage.py runserver "127.0.0.1:$port" --noreload >"$workdir/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 60); do
    curl -fsS -o /dev/null "$base/readyz" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "fuzz: the server exited" >&2; exit 1; }
    sleep 0.5
done
curl -fsS -o /dev/null "$base/readyz" || { echo "fuzz: the server is not ready" >&2; exit 1; }

token=$(curl -fsS "$base/api/v1/auth/token/" -H 'Content-Type: application/json' \
    -d '{"username": "demo-editor", "password": "demo-password"}' \
    | "$BIN/python" -c 'import json, sys; print(json.load(sys.stdin)["token"])')

# --- Schemathesis ---------------------------------------------------------------------------
reports=()
if [[ -n "${FUZZ_REPORT_DIR:-}" ]]; then
    reports=(--report junit,ndjson --report-dir "$FUZZ_REPORT_DIR")
fi

echo "== schemathesis against $base (seed $SEED, $MAX_EXAMPLES examples per operation)"
# No --max-time: in Schemathesis 4 it is a budget that fuzzing repeats until it is spent, not
# a bound; `timeout` bounds the run instead. Every operation, every check but one:
# positive_data_acceptance (ST202) expects any schema-valid request to succeed, but OpenAPI cannot
# say that an id in a body must name an existing row, that a url is unique in a workspace, that
# a field is fixed after creation, that a password is right or that a verdict needs a source
# before it is submitted; random schema-valid data breaks such rules and is rightly answered 400.
# shellcheck disable=SC2086 # FUZZ_ARGS is split on purpose.
timeout --signal=INT --kill-after=30 "$TIMEOUT" \
    "$BIN/schemathesis" run "$base/api/schema/?format=json" \
    --header "Authorization: Token $token" \
    --checks all \
    --exclude-checks positive_data_acceptance \
    --phases "$PHASES" \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --workers "$WORKERS" \
    --request-timeout 30 \
    --generation-database none \
    --no-color \
    "${reports[@]}" \
    ${FUZZ_ARGS:-}
