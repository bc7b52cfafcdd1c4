"""Benchmark: HTTP throughput and latency of the served API under concurrent clients.

Drives a running server (``scripts/bench.sh`` starts it as ``make serve`` does, on a database
seeded by ``bench/seed.py``) with ``--clients`` threads (8 by default), each with its own
``http.client.HTTPConnection`` (kept alive where the server allows it), through these phases,
one after the other:

- ``baseline``: ``GET /healthz``, a small fixed JSON document through Django and no database:
  the reference throughput;
- ``api-floor``: ``GET /api/v1/me/`` as an annotator: token, roles and two small rows through
  DRF, the cheapest authenticated API request, a second reference (no goals of its own);
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
250 ms, p99 of every read phase but the two references under 50 ms, no errors. Results go to
``bench/results/load-<UTC time>.json`` with the environment (cores, load average,
WEB_CONCURRENCY, workers, Python, PostgreSQL). Exits 1 if any request failed.

Run through ``bash scripts/bench.sh``; by hand: ``.venv/bin/python bench/load.py --base-url
http://127.0.0.1:8000 --seed-file seed.json --server-log server.log``.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import math
import os
import platform
import random
import re
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

SEED = 20250611
RESULTS = Path(__file__).resolve().parent / "results"
BULK_SIZE = 1_000
SPAN_SIZES = (20, 200)
FEW_ERRORS = 5  # distinct error responses kept per phase, to show what went wrong


# --- Goals ----------------------------------------------------------------------------------
MIN_RATIO = 0.5  # one-shot view and span list: at least half the baseline's throughput
BULK_P50_MS = 250.0
READ_P99_MS = 50.0
# Phases that measure the server itself, for comparison: no latency goal.
REFERENCE_PHASES = frozenset({"baseline", "api-floor"})


@dataclass(frozen=True)
class Call:
    """One request to make: method, path with query, JSON body, token (none: anonymous)."""

    method: str
    path: str
    body: Any = None
    token: str | None = None
    accept: str = "application/json"


@dataclass(frozen=True)
class Phase:
    name: str
    kind: str  # "read" or "write"
    what: str
    build: Callable[[int, int], Call]  # (request number, client number) -> the call
    count: int | None = None  # a number of requests, or
    seconds: float | None = None  # a duration
    warmup: int = 0


@dataclass
class Sample:
    number: int
    seconds: float
    status: int


@dataclass
class PhaseResult:
    name: str
    kind: str
    what: str
    requests: int
    wall_seconds: float
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    statuses: dict[str, int]
    connections: int
    error_examples: list[str] = field(default_factory=list)
    logged: int = 0
    queries_min: int | None = None
    queries_max: int | None = None
    queries_median: float | None = None
    server_p50_ms: float | None = None
    ratio_to_baseline: float | None = None
    goals: dict[str, bool] = field(default_factory=dict)


class CountingConnection(http.client.HTTPConnection):
    """An ``HTTPConnection`` that counts the TCP connections it opens: it reopens by itself
    after a response that closes the connection."""

    opened = 0

    def connect(self) -> None:
        super().connect()
        self.opened += 1


class Client:
    """One simulated client: one connection, requests one after the other."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.connection = CountingConnection(host, port, timeout=timeout)

    def send(self, call: Call, request_id: str) -> tuple[int, bytes, float]:
        """Status (0: no response), body, and seconds from sending the request to having
        read the whole response."""
        headers = {
            "Accept": call.accept,
            "X-Forwarded-Proto": "https",
            "X-Request-ID": request_id,
        }
        body = None
        if call.token:
            headers["Authorization"] = f"Token {call.token}"
        if call.body is not None:
            body = json.dumps(call.body).encode()
            headers["Content-Type"] = "application/json"
        began = time.perf_counter()
        try:
            self.connection.request(call.method, call.path, body=body, headers=headers)
            response = self.connection.getresponse()
            status, data = response.status, response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.connection.close()
            status, data = 0, f"{type(exc).__name__}: {exc}".encode()
        return status, data, time.perf_counter() - began

    def close(self) -> None:
        self.connection.close()


def percentile(ordered: list[float], fraction: float) -> float:
    """Nearest-rank percentile of sorted values."""
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def run_phase(phase: Phase, host: str, port: int, clients: int, timeout: float) -> PhaseResult:
    """Run ``phase`` with ``clients`` threads sharing a request counter."""
    per_client: list[list[Sample]] = [[] for _ in range(clients)]
    examples: list[str] = []
    examples_lock = threading.Lock()
    counter = itertools.count()
    warmups = itertools.count()
    ready = threading.Barrier(clients + 1)
    go = threading.Barrier(clients + 1)
    opened = [0] * clients
    deadline = [math.inf]
    failures: list[str] = []

    def work(index: int) -> None:
        client = Client(host, port, timeout)
        try:
            while (n := next(warmups)) < phase.warmup:  # not measured
                client.send(phase.build(n, index), f"{phase.name}-warmup{n}")
            ready.wait()
            go.wait()
            while True:
                n = next(counter)
                if phase.count is not None and n >= phase.count:
                    break
                if time.perf_counter() >= deadline[0]:
                    break
                call = phase.build(n, index)
                status, body, seconds = client.send(call, f"{phase.name}-{n}")
                per_client[index].append(Sample(n, seconds, status))
                if not 200 <= status < 300:
                    text = " ".join(body[:300].decode("utf-8", "replace").split())
                    example = f"{call.method} {call.path} -> {status}: {text}"
                    with examples_lock:
                        if len(examples) < FEW_ERRORS and example not in examples:
                            examples.append(example)
        except BaseException as exc:
            failures.append(f"{type(exc).__name__}: {exc}")
            ready.abort()  # the phase cannot go on: let the others stop too
            go.abort()
            raise
        finally:
            opened[index] = client.connection.opened
            client.close()

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    try:
        ready.wait()  # every client warmed up ...
        began = time.perf_counter()
        if phase.seconds is not None:
            deadline[0] = began + phase.seconds
        go.wait()  # ... then all start together
    except threading.BrokenBarrierError:
        sys.exit(f"load: a client of phase {phase.name} failed (see above)")
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    if failures:
        sys.exit(f"load: a client of phase {phase.name} failed: {failures[0]}")

    samples = [sample for samples in per_client for sample in samples]
    ordered = sorted(sample.seconds * 1000 for sample in samples)
    statuses: dict[str, int] = {}
    for sample in samples:
        statuses[str(sample.status)] = statuses.get(str(sample.status), 0) + 1
    return PhaseResult(
        name=phase.name,
        kind=phase.kind,
        what=phase.what,
        requests=len(samples),
        wall_seconds=wall,
        requests_per_second=len(samples) / wall if wall else math.nan,
        p50_ms=percentile(ordered, 0.50),
        p95_ms=percentile(ordered, 0.95),
        p99_ms=percentile(ordered, 0.99),
        max_ms=ordered[-1] if ordered else math.nan,
        errors=sum(not 200 <= sample.status < 300 for sample in samples),
        statuses=dict(sorted(statuses.items())),
        connections=sum(opened),
        error_examples=examples,
    )


# --- The phases -----------------------------------------------------------------------------


class Passages:
    """Distinct random ``[start, end)`` passages of one body, handed out thread-safely."""

    def __init__(self, seed: int, length: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
        self.length = length
        self.used: set[tuple[int, int]] = set()
        self.lock = threading.Lock()

    def take(self, count: int = 1) -> list[tuple[int, int]]:
        taken: list[tuple[int, int]] = []
        with self.lock:
            while len(taken) < count:
                size = self.rng.randint(*SPAN_SIZES)
                start = self.rng.randrange(self.length - size)
                if (start, start + size) not in self.used:
                    self.used.add((start, start + size))
                    taken.append((start, start + size))
        return taken


def make_phases(seeded: dict[str, Any], options: argparse.Namespace) -> list[Phase]:
    tokens = seeded["tokens"]
    annotator, editor, reviewers = tokens["annotator"], tokens["editor"], tokens["reviewers"]
    one_shot = seeded["one_shot"]["article"]
    sample = seeded["sample"]
    run = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    reads: dict[str, Any] = {"warmup": options.warmup}
    if options.read_requests:
        reads["count"] = options.read_requests
    else:
        reads["seconds"] = options.read_seconds

    def article(n: int, client: int) -> Call:
        return Call(
            "POST",
            "/api/v1/articles/",
            {
                "workspace": seeded["workspace"],
                "title": f"{sample['title']} (load {n})",
                "url": f"https://bench.example/load/{run}/{n}",
                "publisher": "Sample wire copy",
                "language": "en",
                "body": sample["body"],
            },
            annotator,
        )

    single = seeded["span_articles"]
    single_passages = [Passages(SEED + i, target["length"]) for i, target in enumerate(single)]

    def span(n: int, client: int) -> Call:
        which = client % len(single)
        ((start, end),) = single_passages[which].take()
        body = {"article": single[which]["id"], "start": start, "end": end}
        return Call("POST", "/api/v1/spans/", body, annotator)

    bulk = seeded["bulk_articles"]
    bulk_count = options.bulk
    if bulk_count > len(bulk):
        sys.exit(f"load: --bulk {bulk_count}, but only {len(bulk)} articles were seeded for it")
    # Built before the phase, so that building 1,000 spans is not timed.
    bulk_bodies = [
        [
            {"article": target["id"], "start": start, "end": end}
            for start, end in Passages(SEED * 7 + i, target["length"]).take(BULK_SIZE)
        ]
        for i, target in enumerate(bulk[:bulk_count])
    ]

    def bulk_spans(n: int, client: int) -> Call:
        return Call("POST", "/api/v1/spans/bulk/", bulk_bodies[n], annotator)

    claims = seeded["review_claims"]
    pairs = [(r, c) for r in range(len(reviewers)) for c in range(len(claims))]
    random.Random(SEED).shuffle(pairs)  # noqa: S311 -- reproducible test data, not secrets
    if options.verdicts > len(pairs):
        sys.exit(f"load: --verdicts {options.verdicts}, but only {len(pairs)} pairs exist")
    ratings = seeded["ratings"]

    def verdict(n: int, client: int) -> Call:
        reviewer, claim = pairs[n]
        body = {
            "claim": claims[claim],
            "rating": ratings[n % len(ratings)],
            "explanation": "Checked against the official record.",
            "sources": [{"url": "https://www.nato.int/", "title": "NATO"}],
        }
        return Call("POST", "/api/v1/verdicts/", body, reviewers[reviewer])

    claim_filters = urlencode({"article": one_shot, "status": "in_review"})
    return [
        Phase(
            "baseline",
            "read",
            "GET /healthz (no database)",
            lambda n, c: Call("GET", "/healthz"),
            **reads,
        ),
        Phase(
            "api-floor",
            "read",
            "GET /api/v1/me/ (the cheapest authenticated API request)",
            lambda n, c: Call("GET", "/api/v1/me/", token=annotator),
            **reads,
        ),
        Phase(
            "create-articles",
            "write",
            "POST /api/v1/articles/",
            article,
            count=options.articles,
        ),
        Phase("create-spans", "write", "POST /api/v1/spans/", span, count=options.spans),
        Phase(
            "bulk-spans",
            "write",
            f"POST /api/v1/spans/bulk/ ({BULK_SIZE:,} spans)",
            bulk_spans,
            count=bulk_count,
        ),
        Phase(
            "one-shot",
            "read",
            "GET /api/v1/articles/{id}/annotations/",
            lambda n, c: Call("GET", f"/api/v1/articles/{one_shot}/annotations/", token=annotator),
            **reads,
        ),
        Phase(
            "span-list",
            "read",
            "GET /api/v1/spans/?article={id}",
            lambda n, c: Call("GET", f"/api/v1/spans/?article={one_shot}", token=annotator),
            **reads,
        ),
        Phase(
            "claim-list",
            "read",
            "GET /api/v1/claims/?article={id}&status=in_review",
            lambda n, c: Call("GET", f"/api/v1/claims/?{claim_filters}", token=editor),
            **reads,
        ),
        Phase(
            "create-verdicts",
            "write",
            "POST /api/v1/verdicts/",
            verdict,
            count=options.verdicts,
        ),
        Phase(
            "claimreview-feed",
            "read",
            "GET /api/v1/claimreviews/ (anonymous)",
            lambda n, c: Call("GET", "/api/v1/claimreviews/", accept="application/ld+json"),
            **reads,
        ),
    ]


def check_data(host: str, port: int, seeded: dict[str, Any]) -> dict[str, Any]:
    """What the read phases will read, checked once: the counts the seed promised."""
    client = Client(host, port, 30)
    one_shot = seeded["one_shot"]
    tokens = seeded["tokens"]

    def get(path: str, token: str | None) -> Any:
        status, body, _ = client.send(Call("GET", path, token=token), "check")
        if status != 200:
            sys.exit(f"load: GET {path} answered {status}: {body[:300]!r}")
        return json.loads(body)

    view = get(f"/api/v1/articles/{one_shot['article']}/annotations/", tokens["annotator"])
    spans = get(f"/api/v1/spans/?article={one_shot['article']}", tokens["annotator"])
    filters = urlencode({"article": one_shot["article"], "status": "in_review"})
    claims = get(f"/api/v1/claims/?{filters}", tokens["editor"])
    feed = get("/api/v1/claimreviews/", None)
    client.close()
    found = {
        "one_shot": {key: len(view[key]) for key in ("spans", "claims", "verdicts")},
        "span_list": {"count": spans["count"], "page": len(spans["results"])},
        "claim_list": {"count": claims["count"]},
        "claimreview_feed": {"entries": len(feed.get("dataFeedElement", []))},
    }
    expected = {
        "one_shot": {key: one_shot[key] for key in ("spans", "claims", "verdicts")},
        "span_list": {"count": one_shot["spans"], "page": one_shot["spans"]},
        "claim_list": {"count": one_shot["statuses"]["in_review"]},
        "claimreview_feed": {"entries": seeded["feed_entries"]},
    }
    if found != expected:
        sys.exit(f"load: the seeded data is not as expected: {found} != {expected}")
    return found


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


# --- Report ---------------------------------------------------------------------------------


def judge(results: list[PhaseResult]) -> list[tuple[str, bool]]:
    """Check the goals; each result keeps the ones about it."""
    by_name = {result.name: result for result in results}
    baseline = by_name.get("baseline")
    verdicts: list[tuple[str, bool]] = []
    for result in results:
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
        f"{'p99 ms':>8} {'errors':>6} {'queries':>8} {'srv p50':>8} {'vs base':>7}  goals"
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
        server = f"{r.server_p50_ms:.1f}" if r.server_p50_ms is not None else "?"
        goals = ", ".join(f"{goal} {'ok' if met else 'MISSED'}" for goal, met in r.goals.items())
        print(
            f"{r.name:<17} {r.requests:>8} {r.requests_per_second:>8.1f} {r.p50_ms:>8.1f} "
            f"{r.p95_ms:>8.1f} {r.p99_ms:>8.1f} {r.errors:>6} {queries:>8} {server:>8} "
            f"{ratio:>7}  {goals}"
        )


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
    return parser.parse_args()


def main() -> None:
    options = parse_arguments()
    url = urlsplit(options.base_url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    seeded = json.loads(options.seed_file.read_text(encoding="utf-8"))
    phases = make_phases(seeded, options)
    if options.phases:
        wanted = options.phases.split(",")
        unknown = set(wanted) - {phase.name for phase in phases}
        if unknown:
            sys.exit(f"load: unknown phases {sorted(unknown)}")
        phases = [phase for phase in phases if phase.name in wanted]
    checked = check_data(host, port, seeded)

    cores = os.cpu_count() or 1
    concurrency = os.environ.get("WEB_CONCURRENCY")
    print(
        f"{options.base_url}: {options.clients} clients, {cores} cores, WEB_CONCURRENCY="
        f"{concurrency or f'unset (gunicorn.conf.py: 2 x cores + 1 = {2 * cores + 1})'}"
    )
    load_before = os.getloadavg()
    if load_before[0] > cores / 2:
        print(f"note: the machine is busy before the run (load average {load_before[0]:.2f})")
    results = []
    for phase in phases:
        print(f"  {phase.name}: {phase.what} ...", end="", flush=True)
        result = run_phase(phase, host, port, options.clients, options.timeout)
        print(f" {result.requests} requests, {result.requests_per_second:.1f}/s")
        results.append(result)

    server: dict[str, Any] = {}
    if options.server_log is not None:
        time.sleep(0.5)  # the last lines reach the file
        by_phase, server = read_server_log(options.server_log)
        for result in results:
            add_server_side(result, by_phase.get(result.name, []))
    goals = judge(results)

    print()
    print_table(results)
    print(
        "\nrequests/s: requests over the phase's wall time; latencies client-side; queries: "
        "SQL queries per request (min-max) and srv p50: the server's median duration (ms), "
        "both from its request log; vs base: throughput relative to GET /healthz."
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
        if options.server_log is not None and result.logged != result.requests:
            print(f"  note: {result.name}: {result.logged} of {result.requests} requests logged")
    if server.get("worker_timeouts"):
        print(
            f"  note: gunicorn killed {server['worker_timeouts']} workers that ran a request past "
            "its timeout (GUNICORN_TIMEOUT, 30 s): their requests answered 500 and were not "
            "logged by the application"
        )
    missed = [goal for goal, met in goals if not met]
    print(f"\ngoals: {len(goals) - len(missed)} of {len(goals)} met")
    for goal in missed:
        print(f"  MISSED {goal}")

    options.results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = options.results_dir / f"load-{stamp}.json"
    report = {
        "benchmark": "HTTP load on the served API (bench/load.py)",
        "created": stamp,
        "base_url": options.base_url,
        "clients": options.clients,
        "settings": {
            key: value
            for key, value in vars(options).items()
            if key not in ("base_url", "seed_file", "server_log", "results_dir")
        },
        "environment": {
            "cores": cores,
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
            "web_concurrency": concurrency,
            "workers_booted": server.get("workers_booted"),
            "worker_timeouts": server.get("worker_timeouts"),
            "worker_class": server.get("worker_class"),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "database": seeded.get("environment", {}),
        },
        "data": {"seed": seeded.get("seed"), "checked": checked},
        "goals": dict(goals),
        "phases": [asdict(result) for result in results],
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWrote {path}")
    if any(result.errors for result in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
