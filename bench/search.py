"""Benchmark: full-text search and claim matching through the API, on PostgreSQL, at the scale
of a newsroom's archive (100,000 articles, 300,000 claims).

Measures the wall time (``time.perf_counter`` around ``APIClient.get``) of
``GET /api/v1/search/?q=…`` and ``GET /api/v1/claims/similar/?text=…&limit=10`` for an editor
of the one workspace that holds everything. Requests go through the whole Django/DRF stack in
this process (middleware, authentication by ``force_authenticate``, throttling, serializers, the
SQL, JSON rendering); the figures exclude the network, the WSGI server and a separate server
process.

Data, seeded and reproducible (``random.Random(SEED)``):

- 100,000 articles of 1,500 to 3,000 characters, written by a sentence generator: English
  (85%), German (10%) and French (5%) templates whose subjects, roles, places, organisations,
  topics, numbers and names are drawn with Zipf-like frequencies, English ones mixed with the
  sentences of the seed article (``annotations/fixtures/demo/stoltenberg-nato-membership.txt``).
  Surnames come from a pool of real ones and 3,000 generated ones, so the rarest names occur in
  a few dozen rows and selective queries exist. 30 publishers, publication dates over 2022-2024;
  each article was added (``created_at``) when it was published.
- 300,000 claims of 8 to 25 words from templates ("<person> said <quantity> <things> <verb> in
  <place> in <year>", …) in the same languages, with claimant and claim date, added that day.

The rows are inserted with COPY in batches of 2,000 (``--load bulk_create``: the ORM's
``bulk_create``, measured 1.6 times slower: 20,000 articles in 44 s against 28 s, 60,000 claims
in 29 s against 17 s). Neither calls ``Article.save``, so the articles have no
``ArticleRevision`` row and no history record: search reads neither. The database's row
triggers (migration 0013) fill ``search_vector`` on COPY as on INSERT, and the GIN
indexes are maintained as rows arrive, as in production. ``VACUUM ANALYZE`` of the whole
database follows (statistics for every table, the small workspace and membership tables
included, and the GIN pending list flushed).

Queries, seeded: 200 searches of seven kinds (a rare surname; two words; a "quoted phrase" from
a stored article; a word and an -excluded word; two words joined by OR; a common word such as
"government"; a word with language, publisher or date filters), at the default page size (50);
and 250 matching texts: 200 paraphrases of stored claims (words reordered, one dropped or one
inserted) and 50 unrelated texts. 20 warm-up requests to each endpoint, then each request is
timed once. Printed: median, p95, p99 and max per kind and overall beside the goals (search
p95 < 50 ms, matching p95 < 100 ms), the SQL statements of one request of each kind
(``CaptureQueriesContext``), and, for a missed goal, EXPLAIN (ANALYZE, BUFFERS) of the two
slowest statements of the slowest request of the slowest kind (and of the fastest kind, when it
misses too). A request that does not answer 200 (a statement timeout answers 500) is reported,
counted with its time in the figures, and makes the script exit with status 1 at the end.
Results also go to ``bench/results/search-<timestamp>.json``.

For the run only: the user throttle rate is raised (``FACTCHECK_THROTTLE_USER``) so that the
~500 requests are not answered 429, the request log is kept at WARNING, ``testserver`` is added
to ``DJANGO_ALLOWED_HOSTS``, and requests are made as HTTPS (``secure=True``) so that
``SECURE_SSL_REDIRECT`` does not answer 301. The rest is ``factcheck.settings`` as deployed
(debug off, psycopg connection pool, 5 s statement timeout; the load and EXPLAIN lift the
timeout for their own transactions).

PostgreSQL only (``DATABASE_URL``); the work happens in a throw-away database,
``test_<name>_search``, dropped at the end. Run from the project root:
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_bench .venv/bin/python bench/search.py``
(``--articles``/``--claims`` give a smaller data set for a trial run).

This script runs the steps; the parts are beside it: ``search_vocabulary.py`` and
``search_templates.py`` (the words and sentences), ``search_corpus.py`` (articles and claims
written from them), ``search_database.py`` (loading them), ``search_queries.py`` (the
requests), ``search_timing.py`` (timing and summing them up), ``search_explain.py`` (their
SQL and query plans), and ``common.py`` (what every benchmark shares).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from common import (
    argument_parser,
    require_postgresql,
    runtime,
    seeded_random,
    setup_django_for_test_client,
    throwaway_database,
    timestamp,
    write_results,
)
from search_corpus import Corpus, Writer
from search_database import BATCH, Loaded, load, server_settings, table_sizes, vacuum_analyze
from search_explain import diagnose_missed, print_statements, statements_by_kind
from search_queries import (
    MATCH_LIMIT,
    SEARCH_KINDS,
    Request,
    matching_requests,
    search_request,
    search_requests,
)
from search_timing import Summary, Timed, print_summaries, run, summaries_by_kind

SEED = 20240613
ARTICLES = 100_000
CLAIMS = 300_000
PARAPHRASES = 200
UNRELATED = 50
WARMUP = 20
GOALS = {"search": 0.050, "matching": 0.100}


@dataclass
class Timings:
    """The timed requests, and the machine's load average before and after timing them."""

    searches: list[Request]
    matches: list[Request]
    search: list[Timed]
    matching: list[Timed]
    load_average: dict[str, tuple[float, float, float]]

    @property
    def failures(self) -> int:
        return sum(request.status != 200 for request in self.search + self.matching)


@dataclass
class Found:
    """How often matching a paraphrase listed the claim paraphrased, first or at all, and
    the best score an unrelated text got."""

    paraphrases: int
    first: int
    listed: int
    unrelated_best: float


def parse_arguments() -> argparse.Namespace:
    parser = argument_parser(__doc__)
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--claims", type=int, default=CLAIMS)
    parser.add_argument("--load", choices=["copy", "bulk_create"], default="copy")
    return parser.parse_args()


def load_data(
    arguments: argparse.Namespace, writer: Writer, workspace: Any, user: Any, database: str
) -> tuple[Loaded, Corpus]:
    print(
        f"Loading {arguments.articles:,} articles and {arguments.claims:,} claims "
        f"({arguments.load}, batches of {BATCH:,}) into {database}…",
        flush=True,
    )
    tables, corpus = load(
        writer, arguments.load, arguments.articles, arguments.claims, workspace, user, SEED
    )
    loaded = Loaded(tables, vacuum_analyze(), table_sizes())
    loaded.print_summary()
    languages = Counter(language for language, _ in corpus.bodies)
    print(f"Languages of every 50th article: {dict(languages)}", flush=True)
    return loaded, corpus


def time_requests(client: Any, writer: Writer, corpus: Corpus) -> Timings:
    """``WARMUP`` requests to each endpoint, then the searches and matching texts, timed."""
    warm_rng = seeded_random(SEED + 2)
    warm_searches = [search_request(warm_rng, writer, corpus, kind) for kind in SEARCH_KINDS]
    print(f"\nWarming up: {WARMUP} requests to each endpoint…", flush=True)
    run(client, "search", (warm_searches * WARMUP)[:WARMUP])
    run(client, "matching", matching_requests(warm_rng, corpus, WARMUP, 0))

    query_rng = seeded_random(SEED + 1)
    searches = search_requests(query_rng, writer, corpus)
    matches = matching_requests(query_rng, corpus, PARAPHRASES, UNRELATED)
    load_average = {"before": os.getloadavg()}
    print(f"Timing {len(searches)} searches…", flush=True)
    search_timed = run(client, "search", searches)
    print(f"Timing {len(matches)} claim matches…", flush=True)
    matching_timed = run(client, "matching", matches)
    load_average["after"] = os.getloadavg()
    return Timings(searches, matches, search_timed, matching_timed, load_average)


def found(matching: list[Timed]) -> Found:
    paraphrased = [request for request in matching if request.kind == "paraphrase"]
    unrelated = [request.best_score or 0.0 for request in matching if request.kind == "unrelated"]
    return Found(
        paraphrases=len(paraphrased),
        first=sum(request.source_rank == 1 for request in paraphrased),
        listed=sum(request.source_rank is not None for request in paraphrased),
        unrelated_best=max(unrelated, default=0.0),
    )


def print_results(
    loaded: Loaded,
    timings: Timings,
    rows: dict[str, list[Summary]],
    matched: Found,
    statements: dict[str, Any],
) -> None:
    print()
    loaded.print_summary()
    cpus = os.cpu_count() or 1
    load_average = timings.load_average
    print(
        f"Load average (1, 5, 15 min) before timing {load_average['before']}, after "
        f"{load_average['after']}, on {cpus} CPUs"
        + (": other work shared the machine." if load_average["before"][0] > cpus else ".")
    )
    print()
    print_summaries("search", GOALS["search"], rows["search"])
    print()
    print_summaries("claim matching", GOALS["matching"], rows["matching"])
    print(
        f"\nParaphrases whose claim came first: {matched.first}/{matched.paraphrases}; "
        f"among the {MATCH_LIMIT} listed: {matched.listed}/{matched.paraphrases}; "
        f"best score of an unrelated text: {matched.unrelated_best:.3f}"
    )
    print_statements(statements)


def report(
    arguments: argparse.Namespace,
    stamp: str,
    loaded: Loaded,
    timings: Timings,
    rows: dict[str, list[Summary]],
    matched: Found,
    statements: dict[str, Any],
    diagnoses: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    """What ``bench/results/search-<stamp>.json`` holds."""
    return {
        "benchmark": "full-text search and claim matching through the API (PostgreSQL)",
        "created": stamp,
        "seed": SEED,
        "articles": arguments.articles,
        "claims": arguments.claims,
        "batch": BATCH,
        "load": [
            asdict(result) | {"rows_per_second": result.rows_per_second} for result in loaded.tables
        ],
        "vacuum_analyze_seconds": loaded.vacuum_seconds,
        "sizes_bytes": loaded.sizes,
        "goals_seconds": GOALS,
        **runtime("Django", "djangorestframework", "psycopg"),
        "server": server_settings(),
        "cpus": os.cpu_count(),
        "load_average": timings.load_average,
        "search": {
            "summaries": [asdict(row) for row in rows["search"]],
            "requests": [asdict(request) for request in timings.search],
        },
        "matching": {
            "summaries": [asdict(row) for row in rows["matching"]],
            "paraphrase_found_first": matched.first,
            "paraphrase_found_listed": matched.listed,
            "unrelated_best_score": matched.unrelated_best,
            "requests": [asdict(request) for request in timings.matching],
        },
        "query_counts": statements,
        "diagnoses": diagnoses,
    }


def benchmark(arguments: argparse.Namespace, database: str) -> int:
    """Load, time, print and write the results; the number of requests that failed."""
    from django.contrib.auth import get_user_model
    from rest_framework.test import APIClient

    from annotations.workspaces.models import Membership, Role, Workspace

    user = get_user_model().objects.create(username="bench-editor")
    workspace = Workspace.objects.create(slug="bench", name="Bench newsroom")
    Membership.objects.create(workspace=workspace, user=user, role=Role.EDITOR)
    writer = Writer(SEED)
    loaded, corpus = load_data(arguments, writer, workspace, user, database)

    client = APIClient()
    client.raise_request_exception = False  # a 500 is a result to report
    client.force_authenticate(user)
    timings = time_requests(client, writer, corpus)
    statements = statements_by_kind(
        client, {"search": timings.searches, "matching": timings.matches}
    )
    rows = {
        "search": summaries_by_kind(timings.search, list(SEARCH_KINDS)),
        "matching": summaries_by_kind(timings.matching, ["paraphrase", "unrelated"]),
    }
    matched = found(timings.matching)
    print_results(loaded, timings, rows, matched, statements)

    diagnoses = {
        endpoint: diagnose_missed(client, endpoint, timed, rows[endpoint], GOALS[endpoint])
        for endpoint, timed in (("search", timings.search), ("matching", timings.matching))
        if rows[endpoint][0].p95_ms >= GOALS[endpoint] * 1000
    }
    stamp = timestamp()
    results = report(arguments, stamp, loaded, timings, rows, matched, statements, diagnoses)
    write_results("search", stamp, results)
    return timings.failures


def main() -> None:
    arguments = parse_arguments()
    setup_django_for_test_client()
    require_postgresql("bench/search.py")
    with throwaway_database(suffix="search") as database:
        failures = benchmark(arguments, database)
    if failures:
        sys.exit(f"{failures} timed requests did not answer 200 (see above).")


if __name__ == "__main__":
    main()
