# Shared by scripts/fuzz.sh and scripts/bench.sh: a PostgreSQL database (throw-away unless
# $DATABASE_URL names one), a server on a free port, and cleaning both up at exit.
#
# Source it from the project root with NAME set (it names the work directory, the throw-away
# database and error messages). At exit: the server's process group is stopped, the throw-away
# database dropped, and, when the script failed, the end of "$workdir/server.log" printed.
# shellcheck shell=bash

BIN=.venv/bin
PG_HOST=127.0.0.1
PG_PORT=5432

workdir=$(mktemp -d "${TMPDIR:-/tmp}/factcheck-$NAME.XXXXXX")
server_pid=""
db=""

cleanup() {
    local status=$?
    set +e
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        # The server and what it started (make, gunicorn's workers): the group setsid gave them.
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

# Exports DATABASE_URL: as given, or a new database on the local server (started if needed).
use_postgresql() {
    if [[ -z "${DATABASE_URL:-}" ]]; then
        if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
            pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
            for _ in $(seq 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
        fi
        db="factcheck_${NAME}_$$"
        psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $db"
        export DATABASE_URL="postgres://postgres@$PG_HOST:$PG_PORT/$db"
    fi
    case "$DATABASE_URL" in
        postgres://* | postgresql://*) ;;
        *) echo "$NAME: DATABASE_URL must point to PostgreSQL" >&2; exit 2 ;;
    esac
}

free_port() {
    "$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server COMMAND...: in the background, in its own process group, logging to
# "$workdir/server.log".
start_server() {
    setsid "$@" >"$workdir/server.log" 2>&1 &
    server_pid=$!
}

# wait_for_server URL TRIES: until URL answers 2xx, polling every half second.
wait_for_server() {
    for _ in $(seq "$2"); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        kill -0 "$server_pid" 2>/dev/null || { echo "$NAME: the server exited" >&2; exit 1; }
        sleep 0.5
    done
    echo "$NAME: the server did not answer $1" >&2
    exit 1
}
