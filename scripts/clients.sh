#!/usr/bin/env bash
# The generated API clients: `scripts/clients.sh generate` writes clients/openapi.json (the
# schema, compact), the TypeScript types from it (clients/typescript, openapi-typescript) and
# the Python client (clients/python, openapi-python-client); `scripts/clients.sh check` (CI)
# generates them again and fails on any difference from what is committed, compiles the
# TypeScript example with `tsc --strict` and type-checks the Python one with `mypy --strict`,
# and runs both against a live server with the demo data (SQLite). The reference annotator
# (clients/annotator) is bundled into annotations/static/annotate/ and checked the same way.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=clients
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
TYPESCRIPT=clients/typescript
ANNOTATOR=clients/annotator

generate() {
    DJANGO_DEBUG=1 "$BIN/python" manage.py spectacular --format openapi-json \
        --file "$workdir/openapi.json"
    # Compact, one line per file: the contract, diffed in review as the clients are.
    "$BIN/python" -c 'import json, sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[2], "w"), ensure_ascii=False, separators=(",", ":")); open(sys.argv[2], "a").write("\n")' \
        "$workdir/openapi.json" clients/openapi.json
    (cd "$TYPESCRIPT" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent generate)
    # The reference annotator, bundled into the app's static files (make run needs no Node).
    (cd "$ANNOTATOR" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
    # Its post-processing runs the project's ruff. It warns, at length, that it cannot read
    # the import of CSV archives (the client sends JSON): kept in a log, shown on failure.
    if ! PATH="$PWD/$BIN:$PATH" "$BIN/openapi-python-client" generate \
        --path clients/openapi.json --config clients/python-config.yml \
        --output-path clients/python --overwrite >"$workdir/python-client.log" 2>&1; then
        cat "$workdir/python-client.log" >&2
        exit 1
    fi
}

check() {
    generate
    generated=(clients annotations/static/annotate)
    if [[ -n "$(git status --porcelain --untracked-files=all -- "${generated[@]}")" ]]; then
        git status --short --untracked-files=all -- "${generated[@]}" >&2
        echo "clients: the generated clients differ from what is committed; run 'make clients'" >&2
        exit 1
    fi
    (cd "$TYPESCRIPT" && npm run --silent check)
    (cd "$ANNOTATOR" && npm run --silent check)
    "$BIN/mypy" --config-file clients/python_example/mypy.ini --no-incremental \
        clients/python_example/flow.py
    export DATABASE_URL="sqlite:///$workdir/clients.sqlite3" DJANGO_DEBUG=1
    "$BIN/python" manage.py migrate --no-input -v 0
    "$BIN/python" manage.py load_demo >/dev/null
    port=$(free_port)
    start_server "$BIN/python" manage.py runserver "127.0.0.1:$port" --noreload
    wait_for_server "http://127.0.0.1:$port/readyz" 60
    (cd "$TYPESCRIPT" && FACTCHECK_URL="http://127.0.0.1:$port" npm run --silent example)
    FACTCHECK_URL="http://127.0.0.1:$port" PYTHONPATH=clients/python \
        "$BIN/python" clients/python_example/flow.py
}

case "${1:-}" in
    generate) generate ;;
    check) check ;;
    *) echo "usage: scripts/clients.sh generate|check" >&2; exit 2 ;;
esac
