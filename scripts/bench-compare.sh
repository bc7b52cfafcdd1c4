#!/usr/bin/env bash
# The load benchmark (scripts/bench.sh) on an earlier commit and then on this checkout, one
# right after the other, so that both run at the machine's speed of the hour: the second run's
# table shows each phase's throughput relative to /healthz as a multiple of the first's
# ("x before", goal 2x: issue 15).
#
# The earlier commit is checked out in a temporary git worktree, removed at exit. It uses this
# checkout's virtualenv when both have the same pyproject.toml (its own, made by `make`, when
# not).
#
# Tunables (environment): BENCH_BEFORE, the earlier commit (default 2f10c35, the last before
# issue 15's serving path), and those of scripts/bench.sh (WEB_CONCURRENCY, BENCH_CLIENTS,
# BENCH_READ_SECONDS, BENCH_LOAD_ARGS, CACHE_URL, DATABASE_URL).
set -euo pipefail
cd "$(dirname "$0")/.."

before=${BENCH_BEFORE:-2f10c35}
work=$(mktemp -d "${TMPDIR:-/tmp}/factcheck-bench-compare.XXXXXX")
cleanup() {
    git worktree remove --force "$work/tree" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

git worktree add --detach --quiet "$work/tree" "$before"
if git diff --quiet "$before" HEAD -- pyproject.toml && [[ -x .venv/bin/python ]]; then
    ln -s "$PWD/.venv" "$work/tree/.venv"
    # make's stamps are newer than a pyproject.toml dated 1970: no reinstall.
    touch -d @0 "$work/tree/pyproject.toml"
fi

echo "== before: $(git log -1 --format='%h %s' "$before" | cut -c1-100)"
BENCH_LOAD_ARGS="${BENCH_LOAD_ARGS:-} --results-dir $work/before" bash "$work/tree/scripts/bench.sh"
results=("$work"/before/load-*.json)

echo
echo "== now: $(git log -1 --format='%h %s' | cut -c1-100)"
BENCH_LOAD_ARGS="${BENCH_LOAD_ARGS:-} --before ${results[0]}" bash scripts/bench.sh
