#!/usr/bin/env bash
# The generated API clients: `scripts/clients.sh generate` writes clients/openapi.json (the
# schema, compact) and the TypeScript types from it; `scripts/clients.sh check` (CI) generates
# them again and fails on any difference from what is committed, compiles the TypeScript
# example with `tsc --strict`, and runs it against a live server with the demo data (SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=clients
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
TYPESCRIPT=clients/typescript

generate() {
    DJANGO_DEBUG=1 "$BIN/python" manage.py spectacular --format openapi-json \
        --file "$workdir/openapi.json"
    # Compact, one line per file: the contract, diffed in review as the clients are.
    "$BIN/python" -c 'import json, sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[2], "w"), ensure_ascii=False, separators=(",", ":")); open(sys.argv[2], "a").write("\n")' \
        "$workdir/openapi.json" clients/openapi.json
    (cd "$TYPESCRIPT" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent generate)
}

check() {
    generate
    if ! git diff --exit-code --stat -- clients; then
        echo "clients: the generated clients differ from what is committed; run 'make clients'" >&2
        exit 1
    fi
    (cd "$TYPESCRIPT" && npm run --silent check)
    export DATABASE_URL="sqlite:///$workdir/clients.sqlite3" DJANGO_DEBUG=1
    "$BIN/python" manage.py migrate --no-input -v 0
    "$BIN/python" manage.py load_demo >/dev/null
    port=$(free_port)
    start_server "$BIN/python" manage.py runserver "127.0.0.1:$port" --noreload
    wait_for_server "http://127.0.0.1:$port/readyz" 60
    (cd "$TYPESCRIPT" && FACTCHECK_URL="http://127.0.0.1:$port" npm run --silent example)
}

case "${1:-}" in
    generate) generate ;;
    check) check ;;
    *) echo "usage: scripts/clients.sh generate|check" >&2; exit 2 ;;
esac
