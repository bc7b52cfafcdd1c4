"""Benchmark: HTTP throughput and latency of the served API under concurrent clients.

Drives a running server (``scripts/bench.sh`` starts it as ``make serve`` does, on a database
seeded by ``bench/seed.py``) with ``--clients`` threads (8 by default), each with its own
``http.client.HTTPConnection`` (kept alive where the server allows it), through these phases,
one after the other:

- ``baseline``: ``GET /healthz``, a small fixed JSON document through Django and no database:
  the reference throughput;
- ``api-floor``: ``GET /api/v1/me/`` as an annotator, the cheapest authenticated API request
  (credentials and the response kept ready in the cache), a second reference (no latency
  goal);
- ``create-articles``: ``POST /api/v1/articles/`` (the sample article's text) as an annotator;
- ``create-spans``: ``POST /api/v1/spans/`` by offsets, one span per request, each client on
  its own long article (creating a span locks its article's row);
- ``bulk-spans``: ``POST /api/v1/spans/bulk/`` with 1,000 distinct spans, each request on its
  own long article of about 100,000 characters;
- ``one-shot``: ``GET /api/v1/articles/{id}/annotations/`` of the article with 50 spans,
  20 claims and 20 verdicts, as an annotator;
- ``span-list``: ``GET /api/v1/spans/?article={id}`` of that article (its 50 spans, one page);
- ``claim-list``: ``GET /api/v1/claims/?article={id}&status=in_review`` as an editor;
- ``create-verdicts``: ``POST /api/v1/verdicts/`` as 20 reviewers, never the same reviewer and
  claim twice;
- ``claimreview-feed``: ``GET /api/v1/claimreviews/`` (JSON-LD), anonymous.

Read phases run for ``--read-seconds`` (or ``--read-requests``) after ``--warmup`` requests that
are not counted; write phases for a fixed number of requests. Every request carries
``X-Forwarded-Proto: https`` (as a TLS-terminating load balancer sends; the server redirects
plain HTTP otherwise) and ``X-Request-ID: <phase>-<n>``, so that the server's request log
(``factcheck.request``, one JSON line per request with its SQL query count) gives the queries
per request of each phase.

Measured per phase, client side (``time.perf_counter`` around sending the request and reading
the whole response): requests, requests per second (requests over the phase's wall time),
latency percentiles p50/p95/p99 (nearest rank), errors (any status outside 2xx, or no
response), TCP connections opened; server side (from ``--server-log``): SQL queries per
request (min-max), and the server's own median duration. Read phases also show their
throughput as a ratio to the baseline's. The goals checked beside: the one-shot view and the
span list at least 50% of the baseline's throughput, bulk creation of 1,000 spans p50 under
250 ms, p99 of every read phase but the two references under 50 ms, no errors; with
``--before`` (an earlier run's results, ``scripts/bench-compare.sh``), every phase's throughput
relative to the baseline at least twice what it was then (issue 15). Results go to
``bench/results/load-<UTC time>.json`` with the environment (cores, load average,
WEB_CONCURRENCY, workers, Python, PostgreSQL). Exits 1 if any request failed.

Run through ``bash scripts/bench.sh``; by hand: ``.venv/bin/python bench/load.py --base-url
http://127.0.0.1:8000 --seed-file seed.json --server-log server.log``.

This script runs the phases and writes the results; the parts are beside it:
``load_client.py`` (the clients and the timing of a phase), ``load_phases.py`` (what each
phase requests), ``load_report.py`` (the server's log, the goals, the table), and
``common.py`` (what every benchmark shares).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from common import RESULTS, argument_parser, runtime, timestamp, write_results
from load_client import Phase, PhaseResult, run_phase
from load_phases import check_data, make_phases
from load_report import (
    add_server_side,
    compare,
    judge,
    print_goals,
    print_notes,
    print_table,
    read_server_log,
)


def parse_arguments() -> argparse.Namespace:
    parser = argument_parser(__doc__)
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8000")
    parser.add_argument("--seed-file", type=Path, required=True, help="bench/seed.py's JSON")
    parser.add_argument("--server-log", type=Path, help="the server's log, for query counts")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (%(default)s)")
    parser.add_argument(
        "--read-seconds", type=float, default=10.0, help="per read phase (%(default)s)"
    )
    parser.add_argument(
        "--read-requests", type=int, help="per read phase, instead of --read-seconds"
    )
    parser.add_argument(
        "--warmup", type=int, default=100, help="unmeasured requests per read phase (%(default)s)"
    )
    parser.add_argument("--articles", type=int, default=300, help="articles (%(default)s)")
    parser.add_argument("--spans", type=int, default=500, help="single spans (%(default)s)")
    parser.add_argument(
        "--bulk",
        type=int,
        default=16,
        help="bulk requests of 1,000 spans, each on its own seeded article (%(default)s)",
    )
    parser.add_argument("--verdicts", type=int, default=500, help="verdicts (%(default)s)")
    parser.add_argument("--phases", help="comma-separated phases to run (default: all)")
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="per request, seconds (%(default)s)"
    )
    parser.add_argument("--results-dir", type=Path, default=RESULTS)
    parser.add_argument(
        "--before",
        type=Path,
        help="results of a run before a change (scripts/bench-compare.sh runs both): each "
        "phase's throughput relative to the baseline is compared with it, goal 2x",
    )
    return parser.parse_args()


def chosen(phases: list[Phase], wanted: str | None) -> list[Phase]:
    """The phases named in ``wanted`` (comma-separated), in their order; all without it."""
    if not wanted:
        return phases
    names = wanted.split(",")
    unknown = set(names) - {phase.name for phase in phases}
    if unknown:
        sys.exit(f"load: unknown phases {sorted(unknown)}")
    return [phase for phase in phases if phase.name in names]


def machine(options: argparse.Namespace) -> dict[str, Any]:
    """Cores, ``WEB_CONCURRENCY`` and the load average before the run, printed."""
    cores = os.cpu_count() or 1
    concurrency = os.environ.get("WEB_CONCURRENCY")
    print(
        f"{options.base_url}: {options.clients} clients, {cores} cores, WEB_CONCURRENCY="
        f"{concurrency or f'unset (gunicorn.conf.py: 2 x cores + 1 = {2 * cores + 1})'}"
    )
    load_before = os.getloadavg()
    if load_before[0] > cores / 2:
        print(f"note: the machine is busy before the run (load average {load_before[0]:.2f})")
    return {"cores": cores, "web_concurrency": concurrency, "load_average_before": load_before}


def run_phases(
    phases: list[Phase], host: str, port: int, options: argparse.Namespace
) -> list[PhaseResult]:
    results = []
    for phase in phases:
        print(f"  {phase.name}: {phase.what} ...", end="", flush=True)
        result = run_phase(phase, host, port, options.clients, options.timeout)
        print(f" {result.requests} requests, {result.requests_per_second:.1f}/s")
        results.append(result)
    return results


def server_side(results: list[PhaseResult], server_log: Path | None) -> dict[str, Any]:
    """Each result's queries and server durations from ``server_log``, if given; what the
    log says about the server."""
    if server_log is None:
        return {}
    time.sleep(0.5)  # the last lines reach the file
    by_phase, server = read_server_log(server_log)
    for result in results:
        add_server_side(result, by_phase.get(result.name, []))
    return server


def report(
    options: argparse.Namespace,
    stamp: str,
    seen: dict[str, Any],
    server: dict[str, Any],
    seeded: dict[str, Any],
    checked: dict[str, Any],
    goals: list[tuple[str, bool]],
    results: list[PhaseResult],
) -> dict[str, Any]:
    """What ``bench/results/load-<stamp>.json`` holds."""
    return {
        "benchmark": "HTTP load on the served API (bench/load.py)",
        "created": stamp,
        "base_url": options.base_url,
        "clients": options.clients,
        "settings": {
            key: value
            for key, value in vars(options).items()
            if key not in ("base_url", "seed_file", "server_log", "results_dir", "before")
        },
        "before": None if options.before is None else options.before.name,
        "environment": {
            "cores": seen["cores"],
            "load_average_before": seen["load_average_before"],
            "load_average_after": os.getloadavg(),
            "web_concurrency": seen["web_concurrency"],
            "workers_booted": server.get("workers_booted"),
            "worker_timeouts": server.get("worker_timeouts"),
            "worker_class": server.get("worker_class"),
            **runtime(),
            "database": seeded.get("environment", {}),
        },
        "data": {"seed": seeded.get("seed"), "checked": checked},
        "goals": dict(goals),
        "phases": [asdict(result) for result in results],
    }


def main() -> None:
    options = parse_arguments()
    url = urlsplit(options.base_url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    seeded = json.loads(options.seed_file.read_text(encoding="utf-8"))
    phases = chosen(make_phases(seeded, options), options.phases)
    checked = check_data(host, port, seeded)

    seen = machine(options)
    results = run_phases(phases, host, port, options)
    server = server_side(results, options.server_log)
    if options.before is not None:
        compare(results, json.loads(options.before.read_text(encoding="utf-8")))
    goals = judge(results)

    print()
    print_table(results)
    print_notes(results, server, options.server_log)
    print_goals(goals)

    stamp = timestamp()
    results_file = report(options, stamp, seen, server, seeded, checked, goals, results)
    write_results("load", stamp, results_file, options.results_dir)
    if any(result.errors for result in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
