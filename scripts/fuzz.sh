#!/usr/bin/env bash
# Fuzz the live API with Schemathesis, from its own OpenAPI schema, on PostgreSQL.
#
# Every operation of /api/schema/ is exercised, authenticated as the demo editor, with valid and
# invalid data (Schemathesis' positive and negative modes) and in chains of calls that follow the
# schema's links from each creation (its stateful phase), with every Schemathesis check: no 5xx,
# responses conform to the schema, every status code returned is documented, and so on. Exits
# non-zero when Schemathesis reports a failure.
#
# The database is $DATABASE_URL when set; otherwise a throw-away database on the local
# PostgreSQL (127.0.0.1:5432, user postgres, trust auth), started if needed and dropped at exit.
#
# Tunables (environment):
#   FUZZ_MAX_EXAMPLES  test cases per operation and phase            (default 5)
#   FUZZ_STATEFUL_EXAMPLES  scenarios of the stateful phase          (default 50)
#   FUZZ_SEED          Hypothesis seed, for reproducible runs         (default 20250101)
#   FUZZ_TIMEOUT       hard bound on the Schemathesis run, seconds    (default 600)
#   FUZZ_WORKERS       concurrent Schemathesis workers                (default 1: reproducible)
#   FUZZ_PHASES        Schemathesis phases             (default examples,coverage,fuzzing,stateful)
#   FUZZ_DEBUG         1 to serve with DJANGO_DEBUG=1                 (default 0, see below)
#   FUZZ_REPORT_DIR    if set, JUnit and NDJSON reports are written there
#   FUZZ_ARGS          extra arguments passed to `schemathesis run` as they are
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=fuzz
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-5}
STATEFUL_EXAMPLES=${FUZZ_STATEFUL_EXAMPLES:-50}
PHASES=${FUZZ_PHASES:-examples,coverage,fuzzing,stateful}
SEED=${FUZZ_SEED:-20250101}
TIMEOUT=${FUZZ_TIMEOUT:-600}
WORKERS=${FUZZ_WORKERS:-1}

use_postgresql

# --- Server ---------------------------------------------------------------------------------
# Served as in production, debug off (FUZZ_DEBUG=1 serves in debug mode, as `make run` does).
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

port=$(free_port)
base="http://127.0.0.1:$port"
start_server "$BIN/python" manage.py runserver "127.0.0.1:$port" --noreload
wait_for_server "$base/readyz" 60

token=$(curl -fsS "$base/api/v1/auth/token/" -H 'Content-Type: application/json' \
    -d '{"username": "demo-editor", "password": "demo-password"}' \
    | "$BIN/python" -c 'import json, sys; print(json.load(sys.stdin)["token"])')

# --- Schemathesis ---------------------------------------------------------------------------
reports=()
if [[ -n "${FUZZ_REPORT_DIR:-}" ]]; then
    reports=(--report junit,ndjson --report-dir "$FUZZ_REPORT_DIR")
fi

# No --max-time: in Schemathesis 4 it is a budget that fuzzing repeats until it is spent, not
# a bound; `timeout` bounds the run instead. Every operation, every check but one:
# positive_data_acceptance (ST202) expects any schema-valid request to succeed, but OpenAPI cannot
# say that an id in a body must name an existing row, that a url is unique in a workspace, that
# a field is fixed after creation, that a password is right or that a verdict needs a source
# before it is submitted; random schema-valid data breaks such rules and is rightly answered 400.
# run_schemathesis PHASES EXAMPLES: one run.
run_schemathesis() {
    # shellcheck disable=SC2086 # FUZZ_ARGS is split on purpose.
    timeout --signal=INT --kill-after=30 "$TIMEOUT" \
        "$BIN/schemathesis" run "$base/api/schema/?format=json" \
        --header "Authorization: Token $token" \
        --mode all \
        --checks all \
        --exclude-checks positive_data_acceptance \
        --phases "$1" \
        --max-examples "$2" \
        --seed "$SEED" \
        --workers "$WORKERS" \
        --request-timeout 30 \
        --generation-database none \
        --no-color \
        "${reports[@]}" \
        ${FUZZ_ARGS:-}
}

# The stateful phase runs on its own, with more scenarios: each one is a chain of calls that
# follows the schema's links from a creation, and five reach few of them.
IFS=, read -ra phases <<<"$PHASES"
single=()
stateful=0
for phase in "${phases[@]}"; do
    if [[ "$phase" == stateful ]]; then stateful=1; else single+=("$phase"); fi
done
if ((${#single[@]})); then
    single_phases=$(IFS=,; echo "${single[*]}")
    echo "== schemathesis ($single_phases) against $base (seed $SEED, $MAX_EXAMPLES examples per operation)"
    run_schemathesis "$single_phases" "$MAX_EXAMPLES"
fi
if ((stateful)); then
    echo "== schemathesis (stateful) against $base (seed $SEED, $STATEFUL_EXAMPLES scenarios)"
    run_schemathesis stateful "$STATEFUL_EXAMPLES"
fi
