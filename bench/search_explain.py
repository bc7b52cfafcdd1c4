"""Where a search benchmark's request spends its time (``bench/search.py``): the SQL
statements of one request (``CaptureQueriesContext``), and for a missed goal EXPLAIN
(ANALYZE, BUFFERS) of the slowest statements of the slowest request of a kind.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from search_queries import Request
from search_timing import Summary, Timed, get

EXPLAINED_STATEMENTS = 2
EXPLAIN_TIMEOUT_MS = 300_000
PLAN_LINES_PRINTED = 60


@dataclass
class Statement:
    milliseconds: float
    sql: str


def statements_of(client: Any, endpoint: str, request: Request) -> list[Statement]:
    """The SQL statements of one request, with their times as Django measured them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        get(client, endpoint, request)
    return [Statement(float(query["time"]) * 1000, query["sql"]) for query in captured]


def explain(sql: str) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) of ``sql``, rolled back, allowed ``EXPLAIN_TIMEOUT_MS``
    instead of the application's statement timeout; past that, the plain EXPLAIN."""
    from django.db import OperationalError, connection, transaction

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {EXPLAIN_TIMEOUT_MS}")
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [line for (line,) in cursor.fetchall()]
            transaction.set_rollback(True)
    except OperationalError:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}")
            note = (
                f"(EXPLAIN ANALYZE stopped after {EXPLAIN_TIMEOUT_MS / 1000:.0f} s: estimates only)"
            )
            return [note] + [line for (line,) in cursor.fetchall()]
    return plan


def condensed(plan: list[str], width: int = 170) -> list[str]:
    """``plan`` for reading: long lines cut, runs of alike lines (the same but for numbers,
    such as one index scan per text search configuration) counted instead of repeated."""
    shown: list[str] = []
    recent: list[str] = []
    skipped = 0
    for line in plan:
        shape = re.sub(r"'[^']*'|[\d.]+", "#", line)
        if shape in recent[-6:]:
            skipped += 1
        else:
            if skipped:
                shown.append(f"{' ' * (len(line) - len(line.lstrip()))}… {skipped} alike lines")
                skipped = 0
            shown.append(line if len(line) <= width else line[: width - 2] + " …")
        recent.append(shape)
    if skipped:
        shown.append(f"… {skipped} alike lines")
    return shown


def diagnose(client: Any, endpoint: str, timed: list[Timed], kind: str, why: str) -> dict[str, Any]:
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest statements of the slowest request of
    ``kind``, replayed."""
    slowest = max((request for request in timed if request.kind == kind), key=lambda r: r.seconds)
    statements = statements_of(client, endpoint, Request(slowest.kind, slowest.params))
    print(
        f"\n{endpoint}, {why} '{kind}': its slowest request {slowest.params} "
        f"({slowest.seconds * 1000:,.1f} ms) replayed: {len(statements)} statements, ms: "
        + ", ".join(f"{statement.milliseconds:,.1f}" for statement in statements)
    )
    explained = []
    for statement in sorted(statements, key=lambda s: -s.milliseconds)[:EXPLAINED_STATEMENTS]:
        plan = explain(statement.sql)
        explained.append(
            {"milliseconds": statement.milliseconds, "sql": statement.sql, "plan": plan}
        )
        print(f"\nEXPLAIN (ANALYZE, BUFFERS) of the {statement.milliseconds:,.1f} ms statement")
        print(f"  {statement.sql[:400]}{' …' if len(statement.sql) > 400 else ''}")
        shown = condensed(plan)
        for line in shown[:PLAN_LINES_PRINTED]:
            print(f"  {line}")
        if len(shown) > PLAN_LINES_PRINTED:
            print(f"  … {len(shown) - PLAN_LINES_PRINTED} more lines in the results file")
    return {
        "kind": kind,
        "why": why,
        "params": slowest.params,
        "seconds": slowest.seconds,
        "statement_milliseconds": [statement.milliseconds for statement in statements],
        "explained": explained,
    }


def statements_by_kind(client: Any, requests: dict[str, list[Request]]) -> dict[str, Any]:
    """The statements of the first request of each kind, for each endpoint of ``requests``."""
    found: dict[str, Any] = {}
    for endpoint, made in requests.items():
        for kind in dict.fromkeys(request.kind for request in made):
            first = next(request for request in made if request.kind == kind)
            statements = statements_of(client, endpoint, first)
            found[f"{endpoint}: {kind}"] = {
                "params": first.params,
                "queries": len(statements),
                "statements": [asdict(statement) for statement in statements],
            }
    return found


def print_statements(found: dict[str, Any]) -> None:
    print("\nSQL queries per request (one request of each kind, Django's timings):")
    for label, counted in found.items():
        times = ", ".join(f"{s['milliseconds']:,.1f}" for s in counted["statements"])
        print(f"  {label:<22} {counted['queries']:>3} queries (ms: {times})")


def diagnose_missed(
    client: Any, endpoint: str, timed: list[Timed], rows: list[Summary], goal: float
) -> list[dict[str, Any]]:
    """``diagnose`` the slowest kind by p95 of an endpoint that missed its goal, and its
    fastest kind too when that missed as well (``rows``: overall, then by kind)."""
    by_p95 = sorted(rows[1:], key=lambda row: row.p95_ms)
    found = [diagnose(client, endpoint, timed, by_p95[-1].label, "slowest kind by p95")]
    if by_p95[0].p95_ms >= goal * 1000:
        found.append(
            diagnose(client, endpoint, timed, by_p95[0].label, "fastest kind, also missed:")
        )
    return found
