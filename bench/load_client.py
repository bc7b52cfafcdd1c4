"""The load benchmark's clients (``bench/load.py``): each phase runs ``--clients`` threads,
each with its own ``http.client.HTTPConnection`` (kept alive where the server allows it),
that share a request counter; each request is timed with ``time.perf_counter`` from sending
it to having read the whole response.
"""

from __future__ import annotations

import http.client
import itertools
import json
import math
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from common import nearest_rank

FEW_ERRORS = 5  # distinct error responses kept per phase, to show what went wrong


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
    times_before: float | None = None
    """Throughput over the baseline's, as a multiple of the same in a run before a change
    (``--before``): the machine's speed of the hour cancels out."""
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


class PhaseRun:
    """One run of a phase: every client warms up, then all start together and send requests
    until the phase's count is reached or its time is up."""

    def __init__(self, phase: Phase, host: str, port: int, clients: int, timeout: float) -> None:
        self.phase, self.host, self.port, self.timeout = phase, host, port, timeout
        self.clients = clients
        self.per_client: list[list[Sample]] = [[] for _ in range(clients)]
        self.examples: list[str] = []
        self.examples_lock = threading.Lock()
        self.counter = itertools.count()
        self.warmups = itertools.count()
        self.ready = threading.Barrier(clients + 1)
        self.go = threading.Barrier(clients + 1)
        self.opened = [0] * clients
        self.deadline = math.inf
        self.failures: list[str] = []

    def run(self) -> PhaseResult:
        threads = [
            threading.Thread(target=self.work, args=(i,), daemon=True) for i in range(self.clients)
        ]
        for thread in threads:
            thread.start()
        try:
            self.ready.wait()  # every client warmed up ...
            began = time.perf_counter()
            if self.phase.seconds is not None:
                self.deadline = began + self.phase.seconds
            self.go.wait()  # ... then all start together
        except threading.BrokenBarrierError:
            sys.exit(f"load: a client of phase {self.phase.name} failed (see above)")
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        if self.failures:
            sys.exit(f"load: a client of phase {self.phase.name} failed: {self.failures[0]}")
        return self.result(wall)

    def work(self, index: int) -> None:
        """Client ``index``: its share of the warm-up, then measured requests."""
        phase = self.phase
        client = Client(self.host, self.port, self.timeout)
        try:
            while (n := next(self.warmups)) < phase.warmup:  # not measured
                client.send(phase.build(n, index), f"{phase.name}-warmup{n}")
            self.ready.wait()
            self.go.wait()
            self.measure(client, index)
        except BaseException as exc:
            self.failures.append(f"{type(exc).__name__}: {exc}")
            self.ready.abort()  # the phase cannot go on: let the others stop too
            self.go.abort()
            raise
        finally:
            self.opened[index] = client.connection.opened
            client.close()

    def measure(self, client: Client, index: int) -> None:
        phase = self.phase
        while True:
            n = next(self.counter)
            if phase.count is not None and n >= phase.count:
                break
            if time.perf_counter() >= self.deadline:
                break
            call = phase.build(n, index)
            status, body, seconds = client.send(call, f"{phase.name}-{n}")
            self.per_client[index].append(Sample(n, seconds, status))
            if not 200 <= status < 300:
                self.keep_example(call, status, body)

    def keep_example(self, call: Call, status: int, body: bytes) -> None:
        text = " ".join(body[:300].decode("utf-8", "replace").split())
        example = f"{call.method} {call.path} -> {status}: {text}"
        with self.examples_lock:
            if len(self.examples) < FEW_ERRORS and example not in self.examples:
                self.examples.append(example)

    def result(self, wall: float) -> PhaseResult:
        phase = self.phase
        samples = [sample for samples in self.per_client for sample in samples]
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
            p50_ms=nearest_rank(ordered, 0.50),
            p95_ms=nearest_rank(ordered, 0.95),
            p99_ms=nearest_rank(ordered, 0.99),
            max_ms=ordered[-1] if ordered else math.nan,
            errors=sum(not 200 <= sample.status < 300 for sample in samples),
            statuses=dict(sorted(statuses.items())),
            connections=sum(self.opened),
            error_examples=self.examples,
        )


def run_phase(phase: Phase, host: str, port: int, clients: int, timeout: float) -> PhaseResult:
    """Run ``phase`` with ``clients`` threads sharing a request counter."""
    return PhaseRun(phase, host, port, clients, timeout).run()
