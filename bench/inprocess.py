"""Benchmark: the CPU one request costs in the application's process, for the hot paths.

Requests go through the whole Django/DRF stack in this process (Django's test client, no
network), on PostgreSQL (``DATABASE_URL``, a throw-away test database) or SQLite, with the
production settings, debug off and rate limits lifted. For each path: the CPU time of this
process per request (the best of several batches: the machine's speed varies), its multiple of
``GET /healthz`` measured in the same run, and the SQL statements it runs.

    make bench-inprocess    (PostgreSQL; DATABASE_URL names another database)

The workload: the seed article with 50 spans, 20 claims citing them and 20 verdicts; a span is
created by offsets; a page is 20 of the article's spans; the one-shot view shows all of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from common import (
    argument_parser,
    runtime,
    seed_article_text,
    setup_django,
    throwaway_database,
    timestamp,
    write_results,
)

GOALS = {"me": 3.0, "create-span": 6.0, "span-page": 5.0, "one-shot": 8.0}
"""The largest multiple of ``GET /healthz`` each path may cost (issue 15)."""


@dataclass
class Path:
    name: str
    what: str
    call: Callable[[], Any]
    statements: int = 0
    cpu_ms: float = 0.0


def seed() -> dict[str, Any]:
    """The workspace, its members, the article with 50 spans, 20 claims and 20 verdicts, and
    an article of the same text to create spans in."""
    from rest_framework.authtoken.models import Token

    from annotations.articles.models import Article, Span
    from annotations.articles.text import anchor_at
    from annotations.claims.models import Claim
    from annotations.review.models import Rating, Verdict, VerdictState
    from annotations.workspaces.models import Role
    from annotations.workspaces.services import user_create_or_add_role

    editor: Any
    editor, _ = user_create_or_add_role("bench-editor", role=Role.EDITOR, workspace_slug="bench")
    reviewers: list[Any] = [
        user_create_or_add_role(f"bench-reviewer-{n}", role=Role.REVIEWER, workspace_slug="bench")[
            0
        ]
        for n in range(2)
    ]
    article = Article.objects.create(
        workspace=editor.memberships.get().workspace,
        created_by=editor,
        title="Stoltenberg",
        body=seed_article_text(),
    )
    spans = []
    for n in range(50):
        anchor = anchor_at(article.body, n * 40, n * 40 + 25)
        spans.append(
            Span.objects.create(
                article=article, created_by=editor, revision=1, **anchor.as_fields()
            )
        )
    rating = Rating.objects.get(slug="false")
    for n in range(20):
        claim = Claim.objects.create(
            workspace=article.workspace, created_by=editor, text=f"Claim number {n} of the bench."
        )
        claim.spans.add(spans[n], spans[n + 20])
        Verdict.objects.create(
            claim=claim,
            reviewer=reviewers[n % 2],
            rating=rating,
            explanation="Because.",
            sources=[{"url": "https://source.example/", "title": "S"}],
            state=VerdictState.DRAFT,
        )
    # Spans are created in an article of their own, so that the others keep their size.
    scratch = Article.objects.create(
        workspace=article.workspace, created_by=editor, title="Scratch", body=article.body
    )
    token = Token.objects.create(user=editor)
    return {"article": article, "scratch": scratch, "token": token.key}


def paths(data: dict[str, Any]) -> list[Path]:
    from django.test import Client

    client = Client(HTTP_AUTHORIZATION=f"Token {data['token']}")
    article = data["article"]
    created = iter(range(10**9))

    def create_span() -> Any:
        start = (next(created) * 7) % 2000
        return client.post(
            "/api/v1/spans/",
            {"article": str(data["scratch"].pk), "start": start, "end": start + 12},
            content_type="application/json",
        )

    return [
        Path("healthz", "GET /healthz", lambda: client.get("/healthz")),
        Path("me", "GET /api/v1/me/", lambda: client.get("/api/v1/me/")),
        Path("create-span", "POST /api/v1/spans/ (by offsets)", create_span),
        Path(
            "span-page",
            "GET /api/v1/spans/?article=…&page_size=20",
            lambda: client.get(f"/api/v1/spans/?article={article.pk}&page_size=20"),
        ),
        Path(
            "one-shot",
            "GET /api/v1/articles/{id}/annotations/ (50 spans, 20 claims, 20 verdicts)",
            lambda: client.get(f"/api/v1/articles/{article.pk}/annotations/"),
        ),
    ]


def measure(path: Path, *, requests: int, batches: int) -> None:
    """The best CPU per request over ``batches`` batches, and the statements of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(10):
        response = path.call()
        if response.status_code not in (200, 201):
            raise SystemExit(f"{path.name}: {response.status_code} {response.content[:300]!r}")
    with CaptureQueriesContext(connection) as queries:
        path.call()
    path.statements = len(queries)
    best = float("inf")
    for _ in range(batches):
        started = time.process_time()
        for _ in range(requests):
            path.call()
        best = min(best, (time.process_time() - started) / requests)
    path.cpu_ms = best * 1000


def profile(measured: list[Path], name: str, *, requests: int) -> None:
    """cProfile's view of ``requests`` calls of one path, by own and cumulative time."""
    import cProfile
    import pstats

    path = next((path for path in measured if path.name == name), None)
    if path is None:
        raise SystemExit(f"--profile: no path {name!r}")
    for _ in range(10):
        path.call()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        path.call()
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(45)


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--requests", type=int, default=100, help="per batch")
    parser.add_argument("--batches", type=int, default=7)
    parser.add_argument(
        "--profile",
        metavar="PATH",
        help="instead of the table, profile one path (healthz, me, create-span, span-page, "
        "one-shot) and print where its CPU goes",
    )
    arguments = parser.parse_args()
    setup_django(
        bench_secret_key=True,
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        FACTCHECK_THROTTLE_USER="100000000/minute",
        FACTCHECK_THROTTLE_ANON="100000000/minute",
        DJANGO_LOG_LEVEL="WARNING",
    )
    from django.db import connection

    stamp = timestamp()
    with throwaway_database(suffix="inprocess"):
        measured = paths(seed())
        if arguments.profile:
            profile(measured, arguments.profile, requests=arguments.requests)
            return
        for path in measured:
            measure(path, requests=arguments.requests, batches=arguments.batches)
        vendor = connection.vendor
    floor = measured[0].cpu_ms
    print(
        f"\nCPU per request in process, {vendor}, "
        f"best of {arguments.batches} batches of {arguments.requests}:"
    )
    print("| path | CPU ms | times /healthz | goal | SQL statements |")
    print("|---|---:|---:|---|---:|")
    rows = []
    for path in measured:
        multiple = path.cpu_ms / floor
        goal = GOALS.get(path.name)
        verdict = "" if goal is None else f"<= {goal:g} {'met' if multiple <= goal else 'MISSED'}"
        print(
            f"| {path.what} | {path.cpu_ms:.2f} | {multiple:.1f} | {verdict} | {path.statements} |"
        )
        rows.append(
            {
                "name": path.name,
                "what": path.what,
                "cpu_ms": round(path.cpu_ms, 3),
                "multiple_of_healthz": round(multiple, 2),
                "goal": goal,
                "met": goal is None or multiple <= goal,
                "statements": path.statements,
            }
        )
    write_results(
        "inprocess",
        stamp,
        {
            "benchmark": "CPU per request in process (issue 15)",
            "created": stamp,
            "database": vendor,
            "requests_per_batch": arguments.requests,
            "batches": arguments.batches,
            "environment": runtime("django", "djangorestframework"),
            "paths": rows,
        },
    )


if __name__ == "__main__":
    main()
