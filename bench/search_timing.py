"""Timing the search benchmark's requests (``bench/search.py``): each request through
Django's test client, timed with ``time.perf_counter``, its answer read for the number of
hits (and, for a paraphrase, where its claim was listed); latencies summed up by kind and
printed beside the goal.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from common import interpolated
from search_queries import Request

PATHS = {"search": "/api/v1/search/", "matching": "/api/v1/claims/similar/"}


@dataclass
class Timed:
    kind: str
    params: dict[str, str]
    seconds: float
    status: int
    hits: int | None = None  # search: the count; matching: claims listed
    best_score: float | None = None
    source_rank: int | None = None  # 1-based rank of the paraphrased claim, None if not listed


@dataclass
class Summary:
    label: str
    requests: int
    failed: int
    median_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    median_hits: float | None


def summary(label: str, timed: Sequence[Timed]) -> Summary:
    """Latencies of all of ``timed``, failed requests included (they took that long too)."""
    seconds = [request.seconds for request in timed]
    hits = [request.hits for request in timed if request.hits is not None]
    return Summary(
        label=label,
        requests=len(timed),
        failed=sum(request.status != 200 for request in timed),
        median_ms=statistics.median(seconds) * 1000,
        p95_ms=interpolated(seconds, 95) * 1000,
        p99_ms=interpolated(seconds, 99) * 1000,
        max_ms=max(seconds) * 1000,
        median_hits=statistics.median(hits) if hits else None,
    )


def get(client: Any, endpoint: str, request: Request) -> tuple[float, int, Any]:
    """Seconds taken, status and decoded body (``None`` unless 200) of one request."""
    began = time.perf_counter()
    response = client.get(PATHS[endpoint], request.params, secure=True)
    seconds = time.perf_counter() - began
    if response.status_code != 200:
        print(
            f"  ! {endpoint} {request.params} answered {response.status_code} after "
            f"{seconds * 1000:,.0f} ms: {response.content[:200].decode(errors='replace')}",
            flush=True,
        )
        return seconds, response.status_code, None
    return seconds, response.status_code, response.json()


def run(client: Any, endpoint: str, requests: list[Request]) -> list[Timed]:
    timed = []
    for request in requests:
        seconds, status, body = get(client, endpoint, request)
        result = Timed(request.kind, request.params, seconds, status)
        if body is not None and endpoint == "search":
            result.hits = body["count"]
        elif body is not None:
            ids = [match["id"] for match in body]
            result.hits = len(body)
            result.best_score = body[0]["score"] if body else None
            result.source_rank = ids.index(request.source) + 1 if request.source in ids else None
        timed.append(result)
    return timed


def print_summaries(title: str, goal: float, summaries: list[Summary]) -> None:
    header = (
        f"{title:<16} {'requests':>8} {'failed':>6} {'median':>9} {'p95':>9} {'p99':>9} "
        f"{'max':>9} {'hits (median)':>13}  goal: p95 < {goal * 1000:.0f} ms"
    )
    print(header)
    print("-" * len(header))
    for index, row in enumerate(summaries):
        verdict = ""
        if index == 0:
            verdict = "met" if row.p95_ms < goal * 1000 else "MISSED"
        label = row.label if index == 0 else f"  {row.label}"
        hits = "-" if row.median_hits is None else f"{row.median_hits:g}"
        print(
            f"{label:<16} {row.requests:>8} {row.failed:>6} {row.median_ms:>7.1f}ms "
            f"{row.p95_ms:>7.1f}ms {row.p99_ms:>7.1f}ms {row.max_ms:>7.1f}ms {hits:>13}  "
            f"{verdict}"
        )


def summaries_by_kind(timed: list[Timed], kinds: Sequence[str]) -> list[Summary]:
    return [summary("overall", timed)] + [
        summary(kind, [request for request in timed if request.kind == kind]) for kind in kinds
    ]
