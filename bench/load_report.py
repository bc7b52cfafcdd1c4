"""The load benchmark's report (``bench/load.py``): the server's side of each phase from its
request log (SQL queries per request, its own durations), the goals checked, and the table
and notes printed.
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path
from typing import Any

from load_client import PhaseResult

# --- Goals ----------------------------------------------------------------------------------
MIN_RATIO = 0.5  # one-shot view and span list: at least half the baseline's throughput
BULK_P50_MS = 250.0
READ_P99_MS = 50.0
# Phases that measure the server itself, for comparison: no latency goal.
REFERENCE_PHASES = frozenset({"baseline", "api-floor"})
TIMES_BEFORE = 2.0  # issue 15: every phase twice what it did before, relative to the baseline


# --- The server's log -----------------------------------------------------------------------


def read_server_log(path: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Any]]:
    """The request log's lines by phase (from ``X-Request-ID: <phase>-<n>``), and what the
    log says about the server (gunicorn's worker class and the workers it booted)."""
    by_phase: dict[str, list[dict[str, Any]]] = {}
    server: dict[str, Any] = {"workers_booted": 0, "worker_timeouts": 0, "worker_class": None}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "Booting worker with pid" in line:
            server["workers_booted"] += 1
        if "WORKER TIMEOUT" in line:
            server["worker_timeouts"] += 1
        if (match := re.search(r"Using worker: (\S+)", line)) is not None:
            server["worker_class"] = match.group(1)
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("logger") != "factcheck.request":
            continue
        phase, _, number = str(record.get("request_id", "")).rpartition("-")
        if phase and number.isdigit():
            by_phase.setdefault(phase, []).append(record)
    return by_phase, server


def add_server_side(result: PhaseResult, records: list[dict[str, Any]]) -> None:
    result.logged = len(records)
    queries = [int(record["queries"]) for record in records if "queries" in record]
    if queries:
        result.queries_min, result.queries_max = min(queries), max(queries)
        result.queries_median = statistics.median(queries)
    durations = [float(record["duration_ms"]) for record in records if "duration_ms" in record]
    if durations:
        result.server_p50_ms = statistics.median(durations)


def compare(results: list[PhaseResult], before: dict[str, Any]) -> None:
    """Each phase's throughput relative to the baseline, as a multiple of the same in
    ``before`` (a results file of an earlier run, in the same hour: its machine speed)."""
    earlier = {phase["name"]: phase for phase in before["phases"]}
    now = {result.name: result for result in results}
    if "baseline" not in earlier or "baseline" not in now:
        return
    for result in results:
        if result.name == "baseline" or result.name not in earlier:
            continue
        share = result.requests_per_second / now["baseline"].requests_per_second
        share_before = (
            earlier[result.name]["requests_per_second"]
            / (earlier["baseline"]["requests_per_second"])
        )
        result.times_before = share / share_before


def judge(results: list[PhaseResult]) -> list[tuple[str, bool]]:
    """Check the goals; each result keeps the ones about it."""
    by_name = {result.name: result for result in results}
    baseline = by_name.get("baseline")
    verdicts: list[tuple[str, bool]] = []
    for result in results:
        if result.times_before is not None:
            result.goals[f">= {TIMES_BEFORE:g}x before"] = result.times_before >= TIMES_BEFORE
        if baseline is not None and result.kind == "read" and result is not baseline:
            result.ratio_to_baseline = result.requests_per_second / baseline.requests_per_second
        if result.name in ("one-shot", "span-list") and result.ratio_to_baseline is not None:
            result.goals[f">= {MIN_RATIO:.0%} of baseline"] = result.ratio_to_baseline >= MIN_RATIO
        if result.name == "bulk-spans":
            result.goals[f"p50 < {BULK_P50_MS:.0f} ms"] = result.p50_ms < BULK_P50_MS
        if result.kind == "read" and result.name not in REFERENCE_PHASES:
            result.goals[f"p99 < {READ_P99_MS:.0f} ms"] = result.p99_ms < READ_P99_MS
        result.goals["no errors"] = result.errors == 0
        verdicts += [(f"{result.name}: {goal}", met) for goal, met in result.goals.items()]
    return verdicts


def print_table(results: list[PhaseResult]) -> None:
    header = (
        f"{'phase':<17} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'errors':>6} {'queries':>8} {'srv p50':>8} {'vs base':>7} "
        f"{'x before':>8}  goals"
    )
    print(header)
    print("-" * (len(header) + 30))
    for r in results:
        if r.queries_min is None:
            queries = "?"
        elif r.queries_min == r.queries_max:
            queries = str(r.queries_min)
        else:
            queries = f"{r.queries_min}-{r.queries_max}"
        ratio = f"{r.ratio_to_baseline:.0%}" if r.ratio_to_baseline is not None else ""
        before = f"{r.times_before:.2f}" if r.times_before is not None else ""
        server = f"{r.server_p50_ms:.1f}" if r.server_p50_ms is not None else "?"
        goals = ", ".join(f"{goal} {'ok' if met else 'MISSED'}" for goal, met in r.goals.items())
        print(
            f"{r.name:<17} {r.requests:>8} {r.requests_per_second:>8.1f} {r.p50_ms:>8.1f} "
            f"{r.p95_ms:>8.1f} {r.p99_ms:>8.1f} {r.errors:>6} {queries:>8} {server:>8} "
            f"{ratio:>7} {before:>8}  {goals}"
        )


def print_notes(
    results: list[PhaseResult], server: dict[str, Any], server_log: Path | None
) -> None:
    """What the table's columns mean, and what went wrong if anything did."""
    print(
        "\nrequests/s: requests over the phase's wall time; latencies client-side; queries: "
        "SQL queries per request (min-max) and srv p50: the server's median duration (ms), "
        "both from its request log; vs base: throughput relative to GET /healthz; x before: "
        "that relative throughput as a multiple of the run given by --before."
    )
    requests = sum(result.requests for result in results)
    if requests and sum(result.connections for result in results) >= requests:
        print(
            "connections: one per request; the server closes the connection after every "
            "response (gunicorn's sync workers do not keep connections alive)."
        )
    for result in results:
        for example in result.error_examples:
            print(f"  error in {result.name}: {example}")
        if server_log is not None and result.logged != result.requests:
            print(f"  note: {result.name}: {result.logged} of {result.requests} requests logged")
    if server.get("worker_timeouts"):
        print(
            f"  note: gunicorn killed {server['worker_timeouts']} workers that ran a request past "
            "its timeout (GUNICORN_TIMEOUT, 30 s): their requests answered 500 and were not "
            "logged by the application"
        )


def print_goals(goals: list[tuple[str, bool]]) -> None:
    missed = [goal for goal, met in goals if not met]
    print(f"\ngoals: {len(goals) - len(missed)} of {len(goals)} met")
    for goal in missed:
        print(f"  MISSED {goal}")
