"""Benchmark: claim matching ("has this claim been checked before?") on the evaluation set of
``tests/matching_set.py``: quality (MAP@5, MRR, R@1, R@5, R@10) and latency (p50, p95) of the
project's ranking beside plain BM25, on SQLite or PostgreSQL.

The set (``tests.matching_set.build(seed)``, pure Python, about half a second): 6,000 short
fact-checked claims in families of near-duplicates, 600 queries written as social-media posts
and news sentences about one of them (links, @handles, hashtags, signatures, typos,
paraphrase, other people's names), and 150 unrelated queries. Its claims are loaded with
``bulk_create`` into one workspace of a throw-away database (the database's triggers keep the
search vectors and the full-text index); then every query is run through:

- **factcheck**: ``annotations.claims.matching.similar_claims(text, Claim.objects.all(),
  limit=50)``, the ranking behind ``GET /api/v1/claims/similar/`` (without HTTP);
- **candidates** (when ``annotations.claims.matching`` has a ``candidates(text, claims)``):
  the order of its first stage alone, up to 50;
- **bm25s**: plain BM25 (``bm25s``, k1 1.2, b 0.75, method "lucene") over the claims' text,
  lower-cased, split on non-word characters, without bm25s's English stop words; the
  reference. Its scores are BM25's own, not in [0, 1].

With ``FACTCHECK_EMBEDDING_MODEL`` naming a model, the claims' vectors are computed after the
load (``manage.py embed_claims``, timed, with the process's memory before and after loading the
model and the time to encode one query), and factcheck is measured three ways: as configured
(**lexical + semantic**, the two stages fused), the **semantic stage alone** (the lexical
ranking's best ``SEMANTIC_DEPTH`` claims ordered by cosine similarity), and lexical only.

Each is warmed up with 20 queries, then every query is timed once (``time.perf_counter``
around the call; for factcheck, the SQL and the loading of the claims included). The metrics
come from ``tests.matching_set.evaluate`` (one implementation, shared with the tests). For the
scored rankings the unrelated queries' best score is the false-positive level, and for
factcheck, ``FACTCHECK_DUPLICATE_SIMILARITY`` is measured on the set: how many true matches
reach it, how many unrelated queries do, and the precision of everything listed at or above
it.

On PostgreSQL, autovacuum is turned off for the claims table while the claims are loaded, and
factcheck is run first **right after the bulk load**, before any ``ANALYZE`` (its candidates
then have no statistics), then again after ``VACUUM ANALYZE`` with the others.

``--scale N`` (PostgreSQL only) times claim matching among N claims: the set's claims plus
claims of ``bench/search.py``'s generator (``search_database``, COPY in batches of 2,000) up to
N, then factcheck's latency and quality right after the load, once the GIN indexes' pending
lists are merged (as ``manage.py import_claimreviews`` leaves them), and after ``VACUUM ANALYZE``
(and bm25s's quality among the same claims). ``--scale 300000`` is the archive of
``make bench-search``.

SQLite by default (a temporary file); PostgreSQL when ``DATABASE_URL`` names it (a throw-away
``test_<name>_matching_<pid>``). Results go to ``bench/results/matching-<timestamp>.json`` (every
query's rank of its claim included). Run from the project root:
``make bench-matching``, ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_bench
make bench-matching``, ``… make bench-matching MATCHING_ARGS="--scale 300000"``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(1, str(ROOT))  # the evaluation set lives in tests/

from common import (  # noqa: E402
    argument_parser,
    require_postgresql,
    runtime,
    seeded_random,
    setup_django,
    throwaway_database,
    timestamp,
    write_results,
)

from tests.matching_set import (  # noqa: E402
    BM25,
    MatchingSet,
    Ranking,
    bm25_ranking,
    build,
    evaluate,
    load_claims,
)

SEED = 2016
LIMIT = 50
WARMUP = 20
METRICS = ("map@5", "mrr", "r@1", "r@5", "r@10")


def parse_arguments() -> argparse.Namespace:
    parser = argument_parser(__doc__)
    parser.add_argument("--seed", type=int, default=SEED, help="the evaluation set's seed")
    parser.add_argument(
        "--scale",
        type=int,
        default=0,
        help="PostgreSQL: time matching among this many claims (the set's and generated ones)",
    )
    parser.add_argument("--label", default="", help="a name for this run in the results")
    return parser.parse_args()


# --- Rankings -------------------------------------------------------------------------------


def as_pair(hit: Any) -> tuple[Any, float]:
    """``(claim, score)`` from what ``similar_claims`` returns: a pair, or an object with
    ``claim`` and ``score``."""
    if hasattr(hit, "claim"):
        return hit.claim, float(hit.score)
    claim, score = hit
    return claim, float(score)


def factcheck_ranking(ids: dict[uuid.UUID, str], failures: Counter[str]) -> Ranking:
    from django.db import DatabaseError

    from annotations.claims.matching import similar_claims
    from annotations.claims.models import Claim

    def rank(text: str) -> list[tuple[str, float | None]]:
        try:
            hits = similar_claims(text, Claim.objects.all(), limit=LIMIT)
        except DatabaseError:  # a statement timeout: counted, and no answer
            failures["factcheck"] += 1
            return []
        pairs = [as_pair(hit) for hit in hits]
        # A claim outside the set (--scale) takes its place in the ranking too.
        return [(ids.get(claim.pk, str(claim.pk)), score) for claim, score in pairs]

    return rank


def candidates_ranking(ids: dict[uuid.UUID, str]) -> Ranking | None:
    """The first stage's order alone, when ``matching`` has ``candidates(text, claims)``."""
    from annotations.claims import matching
    from annotations.claims.models import Claim

    candidates = getattr(matching, "candidates", None)
    if candidates is None:
        return None

    def rank(text: str) -> list[tuple[str, float | None]]:
        found = list(candidates(text, Claim.objects.all()))[:LIMIT]
        claims = [getattr(item, "claim", item) for item in found]
        return [(ids.get(claim.pk, str(claim.pk)), None) for claim in claims]

    return rank


def semantic_alone_ranking(ids: dict[uuid.UUID, str], encoder: Any) -> Ranking:
    """The semantic stage alone: the lexical ranking's best ``SEMANTIC_DEPTH`` claims ordered
    by the cosine similarity of their vectors with the text's (by ``encoder``)."""
    from annotations.claims import embedding, matching
    from annotations.claims.models import Claim

    def rank(text: str) -> list[tuple[str, float | None]]:
        with lexical_only():
            hits = matching.similar_claims(text, Claim.objects.all(), limit=matching.SEMANTIC_DEPTH)
        cosines = embedding.similarities_to(encoder, text, [hit.claim.pk for hit in hits])
        order = sorted(cosines, key=lambda pk: -cosines[pk])[:LIMIT]
        return [(ids.get(pk, str(pk)), cosines[pk]) for pk in order]

    return rank


@contextmanager
def lexical_only() -> Iterator[None]:
    """Matching with no embedding model configured, for as long as the block runs."""
    from django.conf import settings

    model = settings.FACTCHECK_EMBEDDING_MODEL
    settings.FACTCHECK_EMBEDDING_MODEL = ""
    try:
        yield
    finally:
        settings.FACTCHECK_EMBEDDING_MODEL = model


def without_model(ranking: Ranking) -> Ranking:
    def rank(text: str) -> Sequence[tuple[str, float | None]]:
        with lexical_only():
            return ranking(text)

    return rank


def resident_mib() -> float:
    """This process's resident memory (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def embed_all(matching_set: MatchingSet) -> dict[str, Any]:
    """Every claim's vector by the configured model, as ``manage.py embed_claims`` stores
    them, and what the model costs: the seconds to load it and to compute the vectors, the
    process's memory before and after, and the time to encode one query (the set's first
    300)."""
    from django.conf import settings
    from django.core.management import call_command

    from annotations.claims import embedding

    memory = {"before_load_mib": resident_mib()}
    began = time.perf_counter()
    encoder = embedding.configured()
    if encoder is None:
        sys.exit("FACTCHECK_EMBEDDING_MODEL is not set.")
    loaded = time.perf_counter() - began
    memory["loaded_mib"] = resident_mib()
    call_command("embed_claims", stdout=io.StringIO())
    seconds = time.perf_counter() - began - loaded
    memory["after_claims_mib"] = resident_mib()
    timings = []
    for query in matching_set.queries[:300]:
        start = time.perf_counter()
        encoder.encode([query.text])
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    encode_ms = {"p50": timings[len(timings) // 2], "p95": timings[int(len(timings) * 0.95)]}
    print(
        f"Model loaded in {loaded:.1f} s; the claims' vectors stored in {seconds:.1f} s; "
        f"memory {memory['before_load_mib']:.0f} → {memory['loaded_mib']:.0f} → "
        f"{memory['after_claims_mib']:.0f} MiB; one query encoded in {encode_ms['p50']:.1f} ms "
        f"p50, {encode_ms['p95']:.1f} ms p95"
    )
    return {
        "path": settings.FACTCHECK_EMBEDDING_MODEL,
        "fingerprint": encoder.fingerprint,
        "dimension": encoder.dimension,
        "load_seconds": loaded,
        "embed_seconds": seconds,
        "memory": memory,
        "encode_query_ms": encode_ms,
    }


def warmed(ranking: Ranking, matching_set: MatchingSet) -> Ranking:
    for query in matching_set.queries[:WARMUP]:
        ranking(query.text)
    return ranking


# --- Database -------------------------------------------------------------------------------


@contextmanager
def database() -> Iterator[str]:
    """A throw-away database: a temporary SQLite file, or ``test_<name>_matching_<pid>`` on
    PostgreSQL."""
    from django.db import connection

    if connection.vendor == "postgresql":
        # The process's id in the name: two runs at once (before and after) do not collide.
        with throwaway_database(suffix=f"matching_{os.getpid()}") as name:
            yield name
        return
    with tempfile.TemporaryDirectory(prefix="factcheck-matching-") as directory:
        connection.settings_dict["TEST"]["NAME"] = os.path.join(directory, "matching.sqlite3")
        with throwaway_database() as name:
            yield name


def owner() -> tuple[Any, Any]:
    from django.contrib.auth import get_user_model

    from annotations.workspaces.models import Membership, Role, Workspace

    user = get_user_model().objects.create(username="bench-editor")
    workspace = Workspace.objects.create(slug="bench-matching", name="Matching bench")
    Membership.objects.create(workspace=workspace, user=user, role=Role.EDITOR)
    return user, workspace


def load_set(
    matching_set: MatchingSet, user: Any, workspace: Any
) -> tuple[dict[uuid.UUID, str], float]:
    """The set's claims in ``workspace`` (``load_claims``: one ``bulk_create``); their ids
    by primary key, and the seconds it took."""
    began = time.perf_counter()
    ids = load_claims(matching_set, workspace, user)
    return ids, time.perf_counter() - began


def autovacuum(enabled: bool) -> None:
    """Autovacuum (and so its ``ANALYZE``) on or off for the claims table (PostgreSQL)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if enabled:
            cursor.execute("ALTER TABLE annotations_claim RESET (autovacuum_enabled)")
        else:
            cursor.execute("ALTER TABLE annotations_claim SET (autovacuum_enabled = false)")


def analysed() -> dict[str, Any]:
    """When the claims table was last analysed, by hand or by autovacuum (PostgreSQL)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_analyze, last_autoanalyze FROM pg_stat_user_tables "
            "WHERE relname = 'annotations_claim'"
        )
        row = cursor.fetchone()
    return {
        "last_analyze": row and row[0] and row[0].isoformat(),
        "last_autoanalyze": row and row[1] and row[1].isoformat(),
    }


def vacuum_analyze() -> float:
    from search_database import vacuum_analyze as whole_database

    return whole_database()


# --- Running and reporting ------------------------------------------------------------------


def measure(
    name: str, ranking: Ranking, matching_set: MatchingSet, threshold: float | None
) -> dict[str, Any]:
    print(f"  {name}: {len(matching_set.queries)} queries…", flush=True)
    before = os.getloadavg()
    result = evaluate(warmed(ranking, matching_set), matching_set, threshold=threshold)
    result["load_average"] = {"before": before, "after": os.getloadavg()}
    return result


def run_rankings(
    matching_set: MatchingSet, ids: dict[uuid.UUID, str], failures: Counter[str]
) -> dict[str, dict[str, Any]]:
    """factcheck (right after the load too, on PostgreSQL), its candidates stage, bm25s; with
    a model, factcheck with and without the semantic stage, and the semantic stage alone."""
    from django.conf import settings
    from django.db import connection

    from annotations.claims import embedding

    threshold = settings.FACTCHECK_DUPLICATE_SIMILARITY
    results: dict[str, dict[str, Any]] = {}
    factcheck = factcheck_ranking(ids, failures)
    if connection.vendor == "postgresql":
        print(f"Right after the load, before ANALYZE ({analysed()}):", flush=True)
        results["factcheck, before ANALYZE"] = measure(
            "factcheck", factcheck, matching_set, threshold
        )
        autovacuum(True)
        print(f"VACUUM ANALYZE: {vacuum_analyze():.1f} s", flush=True)
    print("Rankings:", flush=True)
    encoder = embedding.configured()
    if encoder is not None:
        results["factcheck, lexical + semantic"] = measure(
            "factcheck, lexical + semantic", factcheck, matching_set, threshold
        )
        results["semantic stage alone"] = measure(
            "semantic stage alone", semantic_alone_ranking(ids, encoder), matching_set, None
        )
        factcheck = without_model(factcheck)
    results["factcheck"] = measure("factcheck", factcheck, matching_set, threshold)
    candidates = candidates_ranking(ids)
    if candidates is not None:
        results["candidates stage"] = measure("candidates stage", candidates, matching_set, None)
    texts = [(claim.id, claim.text) for claim in matching_set.claims]
    results["bm25s"] = measure("bm25s", bm25_ranking(texts), matching_set, None)
    return results


def print_table(database: str, results: dict[str, dict[str, Any]]) -> None:
    print(
        "\n| ranking | database | MAP@5 | MRR | R@1 | R@5 | R@10 | p50 ms | p95 ms "
        "| best unrelated score |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, result in results.items():
        figures = " | ".join(f"{result[metric]:.3f}" for metric in METRICS)
        latency = result["latency_ms"]
        best = result.get("unrelated_best", {}).get("max")
        best_text = "n/a" if best is None else f"{best:.3f}"
        print(
            f"| {name} | {database} | {figures} | {latency['p50']:.1f} | {latency['p95']:.1f} "
            f"| {best_text} |"
        )
    cpus = os.cpu_count() or 1
    averages = {name: result["load_average"] for name, result in results.items()}
    loads = ", ".join(
        f"{name} {load['before'][0]:.1f} → {load['after'][0]:.1f}"
        for name, load in averages.items()
    )
    print(f"\nLoad average (1 min) before → after each, on {cpus} CPUs: {loads}")
    print("\nBy kind of query (MAP@5, post / news):")
    for name, result in results.items():
        kinds = result["by_kind"]
        print(f"- {name}: {kinds['post']['map@5']:.3f} / {kinds['news']['map@5']:.3f}")
    for name, result in results.items():
        level = result.get("threshold")
        if level:
            print(
                f"\n{name}, FACTCHECK_DUPLICATE_SIMILARITY {level['value']}: "
                f"{level['true_matches_reaching']}/{result['queries']} true matches reach it "
                f"(recall {level['recall']:.3f}); {level['unrelated_reaching']}/"
                f"{result['unrelated_queries']} unrelated queries do; precision of the "
                f"{level['listed']} claims listed at or above it {level['precision']:.3f}. "
                f"Median score of the relevant claim {result['relevant_score_median']:.3f}, "
                f"of the first {result['top_score_median']:.3f}."
            )


def code_version() -> dict[str, Any]:
    """The commit, and whether the matching code differs from it (read from git, when the
    project is a git checkout)."""
    git = shutil.which("git")
    unknown = {"commit": None, "matching_code_changed": None}
    if git is None:
        return unknown

    def read(*arguments: str) -> str:
        return subprocess.run(  # noqa: S603 - git itself, with fixed arguments
            [git, *arguments], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = read("rev-parse", "HEAD")
        changed = read("status", "--porcelain", "annotations/claims")
    except (OSError, subprocess.CalledProcessError):
        return unknown
    return {"commit": commit, "matching_code_changed": bool(changed)}


def set_summary(matching_set: MatchingSet) -> dict[str, Any]:
    return {
        "seed": matching_set.seed,
        # Two runs measured the same set when this is the same.
        "sha256": hashlib.sha256(repr(matching_set).encode()).hexdigest(),
        "claims": len(matching_set.claims),
        "queries": dict(Counter(query.kind for query in matching_set.queries)),
        "traits": dict(
            Counter(trait for query in matching_set.related for trait in set(query.traits))
        ),
    }


def report(
    arguments: argparse.Namespace,
    stamp: str,
    matching_set: MatchingSet,
    results: dict[str, dict[str, Any]],
    extra: dict[str, Any],
) -> dict[str, Any]:
    from django.db import connection

    return {
        "benchmark": "claim matching on the evaluation set of tests/matching_set.py",
        "label": arguments.label,
        "created": stamp,
        "database": connection.vendor,
        "set": set_summary(matching_set),
        "limit": LIMIT,
        "bm25": BM25,
        **code_version(),
        **runtime("Django", "bm25s", "numpy", "rapidfuzz", "psycopg"),
        **extra,
        "rankings": results,
    }


def benchmark(arguments: argparse.Namespace, name: str) -> int:
    from django.conf import settings
    from django.db import connection

    matching_set = build(arguments.seed)
    user, workspace = owner()
    if connection.vendor == "postgresql":
        autovacuum(False)
    ids, seconds = load_set(matching_set, user, workspace)
    print(f"Loaded {len(ids):,} claims into {name} ({connection.vendor}) in {seconds:.1f} s")
    model = embed_all(matching_set) if settings.FACTCHECK_EMBEDDING_MODEL else None
    failures: Counter[str] = Counter()
    results = run_rankings(matching_set, ids, failures)
    print_table(connection.vendor, results)
    stamp = timestamp()
    extra = {"load_seconds": seconds, "failures": dict(failures), "embedding_model": model}
    write_results("matching", stamp, report(arguments, stamp, matching_set, results, extra))
    return sum(failures.values())


# --- At scale (PostgreSQL) ------------------------------------------------------------------


def load_filler(count: int, user: Any, workspace: Any) -> dict[str, Any]:
    """``count`` claims of ``bench/search.py``'s generator (COPY, batches of 2,000)."""
    from search_corpus import Corpus, Writer
    from search_database import CLAIM_COLUMNS, Rows, load_table

    from annotations.claims.models import Claim

    search_seed = 20240613  # bench/search.py's
    rows = Rows(Writer(search_seed), seeded_random(search_seed), workspace.pk, user.pk, Corpus())
    loaded = load_table("claim", "copy", Claim, CLAIM_COLUMNS, count, rows.claim)
    return {"rows": loaded.rows, "insert_seconds": loaded.insert_seconds}


def all_claim_texts(ids: dict[uuid.UUID, str]) -> list[tuple[str, str]]:
    """Every stored claim's (id, text): the set's by their set id, the others by their key."""
    from annotations.claims.models import Claim

    return [
        (ids.get(pk, str(pk)), text)
        for pk, text in Claim.objects.order_by().values_list("pk", "text").iterator(10_000)
    ]


def scale_phase(
    label: str, ranking: Ranking, matching_set: MatchingSet, threshold: float | None
) -> dict[str, Any]:
    result = measure(label, ranking, matching_set, threshold)
    latency = result["latency_ms"]
    print(
        f"  {label}: p50 {latency['p50']:.1f} ms, p95 {latency['p95']:.1f} ms, "
        f"MAP@5 {result['map@5']:.3f}, R@1 {result['r@1']:.3f}",
        flush=True,
    )
    return result


def scale_benchmark(arguments: argparse.Namespace, name: str) -> int:
    from django.conf import settings

    from annotations.claims.models import Claim
    from factcheck.db import merge_pending_index_entries

    matching_set = build(arguments.seed)
    user, workspace = owner()
    autovacuum(False)
    ids, seconds = load_set(matching_set, user, workspace)
    filler = max(arguments.scale - len(ids), 0)
    print(f"Loaded the set's {len(ids):,} claims into {name} in {seconds:.1f} s; {filler:,} more…")
    loaded = load_filler(filler, user, workspace) if filler else {}
    threshold = settings.FACTCHECK_DUPLICATE_SIMILARITY
    failures: Counter[str] = Counter()
    factcheck = factcheck_ranking(ids, failures)
    results: dict[str, dict[str, Any]] = {}
    state = analysed()
    print(f"Right after the bulk load ({state}):", flush=True)
    results["factcheck, before ANALYZE"] = scale_phase(
        "factcheck", factcheck, matching_set, threshold
    )
    merge_pending_index_entries(Claim)
    print("The GIN indexes' pending lists merged, as import_claimreviews ends:", flush=True)
    results["factcheck, pending lists merged"] = scale_phase(
        "factcheck", factcheck, matching_set, threshold
    )
    autovacuum(True)
    print(f"VACUUM ANALYZE: {vacuum_analyze():.1f} s", flush=True)
    results["factcheck"] = scale_phase("factcheck", factcheck, matching_set, threshold)
    candidates = candidates_ranking(ids)
    if candidates is not None:
        results["candidates stage"] = scale_phase(
            "candidates stage", candidates, matching_set, None
        )
    results["bm25s"] = scale_phase("bm25s", bm25_ranking(all_claim_texts(ids)), matching_set, None)
    print_table(f"postgresql, {len(ids) + filler:,} claims", results)
    stamp = timestamp()
    extra = {
        "scale": len(ids) + filler,
        "load_seconds": seconds,
        "filler": loaded,
        "before_analyze": state,
        "failures": dict(failures),
    }
    write_results("matching", stamp, report(arguments, stamp, matching_set, results, extra))
    return sum(failures.values())


def main() -> None:
    arguments = parse_arguments()
    setup_django(bench_secret_key=True, DJANGO_LOG_LEVEL="WARNING")
    run: Callable[[argparse.Namespace, str], int] = benchmark
    if arguments.scale:
        require_postgresql("bench/matching.py --scale")
        run = scale_benchmark
    with database() as name:
        failures = run(arguments, name)
    if failures:
        sys.exit(f"{failures} matching calls failed with a database error (see the results).")


if __name__ == "__main__":
    main()
