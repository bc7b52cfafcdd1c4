"""Benchmark: importing an archive of 10,000 published fact-checks on PostgreSQL, through
``manage.py import_claimreviews`` (a DataFeed of ClaimReview JSON-LD, and the same archive as
CSV) and through ``POST /api/v1/claimreviews/import/`` (in requests of 1,000 items). Goal: the
10,000 items in under 30 s.

Data, seeded and reproducible (``random.Random(SEED)``): 10,000 ClaimReviews as other
fact-checkers publish them and as ``GET /api/v1/claimreviews/`` writes them: a claim of 8 to 25
words made of the search benchmark's vocabulary (``bench/search_vocabulary.py``), a claimant
(a person's name, or none for one in ten), a claim date, a publication date over 2015-2024,
one of eleven rating names (seven of the seeded scale, written as their labels or slugs in
either case, and four others, which the first import makes as ratings), one of 30 publishers,
a headline, a review body of one to three sentences, an appearance for half of them, and a
url of its own. The CSV holds the same items (``claim, claimant, date, rating, url, headline,
claim_date, publisher, publisher_url``).

Measured, each run into a workspace of its own (``--runs``, 3 by default; median and min
printed): the wall time (``time.perf_counter``) of the command from reading the file to the
commit, with the claims, verdicts and their history records written; the same file imported
again (every item ``exists``); the CSV; and the ten API requests of 1,000 items, each through
the whole Django/DRF stack in this process (middleware and its transaction, authentication by
``force_authenticate``, parsing, the JSON response), the network excluded. Each run checks
that 10,000 claims and published verdicts were made, each with one history record, and that
the database's trigger gave every claim its search vector.

For the run only: the user throttle rate is raised (``FACTCHECK_THROTTLE_USER``), the request
log is kept at WARNING, ``testserver`` is allowed and requests are made as HTTPS; the rest is
``factcheck.settings`` as deployed (debug off, psycopg connection pool, 5 s statement
timeout).

PostgreSQL only (``DATABASE_URL``); the work happens in a throw-away database,
``test_<name>_archive``, dropped at the end. Run from the project root:
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_dev .venv/bin/python
bench/archive_import.py`` (``--items`` for another size). Results also go to
``bench/results/archive-import-<timestamp>.json``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
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
from search_vocabulary import COMMON_SURNAMES, FIRST_NAMES

SEED = 20241201
ITEMS = 10_000
RUNS = 3
GOAL_SECONDS = 30.0
REQUEST_ITEMS = 1000
RATINGS = [
    "False",
    "false",
    "Mostly False",
    "mostly-false",
    "Half True",
    "TRUE",
    "Mostly true",
    "Misleading",
    "Unverifiable",
    "Pants on Fire",
    "Exaggerated",
    "Missing context",
    "Satire",
]
TOPICS = [
    "unemployment",
    "inflation",
    "vaccines",
    "migration",
    "crime",
    "emissions",
    "wind farms",
    "taxes",
    "pensions",
    "rents",
    "tuition",
    "wages",
    "fuel prices",
    "tariffs",
]
VERBS = ["rose", "fell", "doubled", "halved", "tripled", "stalled", "collapsed", "soared"]
PLACES = ["Berlin", "Paris", "Leeds", "Lyon", "Kyiv", "Oslo", "Madrid", "Porto", "Cork", "Turin"]
CSV_HEADER = [
    "claim",
    "claimant",
    "date",
    "rating",
    "url",
    "headline",
    "claim_date",
    "publisher",
    "publisher_url",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES['en'])} {rng.choice(COMMON_SURNAMES)}"


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(TOPICS).capitalize()} in {rng.choice(PLACES)} "
        f"{rng.choice(VERBS)} by {rng.randint(2, 90)}% between {rng.randint(1990, 2014)} and "
        f"{rng.randint(2015, 2024)}, according to {person(rng)}."
    )


def claim_review(rng: random.Random, number: int, publishers: list[str]) -> dict[str, Any]:
    """One fact-check, as another fact-checker's feed publishes it."""
    published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650))
    words = sentence(rng).rstrip(".").split()
    text = " ".join(words[: rng.randint(8, min(25, len(words)))]) + "."
    publisher = rng.choice(publishers)
    item: dict[str, Any] = {"@type": "Claim", "datePublished": str(published - timedelta(3))}
    if rng.random() > 0.1:
        item["author"] = {"@type": "Person", "name": person(rng)}
    if rng.random() < 0.5:
        appearance = {"@type": "CreativeWork", "url": f"https://news.example/{number}"}
        item["appearance"] = [appearance]
        item["firstAppearance"] = appearance
    slug = publisher.lower().replace(" ", "-")
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://{slug}.example/fact-checks/{number}",
        "claimReviewed": text,
        "datePublished": str(published),
        "author": {"@type": "Organization", "name": publisher, "url": f"https://{slug}.example/"},
        "reviewRating": {"@type": "Rating", "alternateName": rng.choice(RATINGS)},
        "headline": f"Fact-check: {text[:60]}",
        "reviewBody": " ".join(sentence(rng) for _ in range(rng.randint(1, 3))),
        "itemReviewed": item,
    }


def archive(items: int) -> list[dict[str, Any]]:
    rng = seeded_random(SEED)
    publishers = [f"Checkers {place} {n}" for n in range(3) for place in PLACES]
    return [claim_review(rng, number, publishers) for number in range(items)]


def as_csv(reviews: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for review in reviews:
        item = review["itemReviewed"]
        writer.writerow(
            [
                review["claimReviewed"],
                item.get("author", {}).get("name", ""),
                review["datePublished"],
                review["reviewRating"]["alternateName"],
                review["url"],
                review["headline"],
                item["datePublished"],
                review["author"]["name"],
                review["author"]["url"],
            ]
        )
    return out.getvalue()


# --- Django ---------------------------------------------------------------------------------


def new_workspace(user: Any, slug: str) -> Any:
    from annotations.workspaces.models import Membership, Role, Workspace

    workspace = Workspace.objects.create(slug=slug, name=slug)
    Membership.objects.create(workspace=workspace, user=user, role=Role.EDITOR)
    return workspace


def check(workspace: Any, items: int) -> dict[str, int]:
    """What the import made in ``workspace``: claims, published verdicts, history records,
    claims without a search vector."""
    from django.db import connection

    from annotations.claims.models import Claim
    from annotations.review.models import Verdict, VerdictState

    claims = Claim.objects.filter(workspace=workspace)
    verdicts = Verdict.objects.filter(claim__workspace=workspace, state=VerdictState.PUBLISHED)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM annotations_claim WHERE workspace_id = %s "
            "AND search_vector IS NULL",
            [workspace.pk],
        )
        (unsearchable,) = cursor.fetchone()
    found = {
        "claims": claims.count(),
        "published_verdicts": verdicts.count(),
        "claim_history": Claim.history.filter(history_workspace_id=workspace.pk).count(),
        "verdict_history": Verdict.history.filter(history_workspace_id=workspace.pk).count(),
        "claims_without_search_vector": unsearchable,
    }
    wanted = dict.fromkeys(found, items) | {"claims_without_search_vector": 0}
    if found != wanted:
        sys.exit(f"The import made {found}, not {wanted}.")
    return found


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def command(path: Path, user: Any, workspace: Any) -> str:
    from django.core.management import call_command

    out = io.StringIO()
    call_command(
        "import_claimreviews",
        str(path),
        "--user",
        user.username,
        "--workspace",
        workspace.slug,
        stdout=out,
        stderr=io.StringIO(),
    )
    return out.getvalue().splitlines()[0]


def through_the_api(reviews: list[dict[str, Any]], user: Any, workspace: Any) -> list[float]:
    """The archive in requests of ``REQUEST_ITEMS``: the seconds of each."""
    from rest_framework.test import APIClient

    client = APIClient()
    # Read afresh, as each request's authentication would: a user object keeps the roles it
    # read once, before this run's workspace was made.
    client.force_authenticate(type(user).objects.get(pk=user.pk))
    seconds = []
    for start in range(0, len(reviews), REQUEST_ITEMS):
        body = json.dumps(
            {"@type": "DataFeed", "dataFeedElement": reviews[start : start + REQUEST_ITEMS]}
        )
        started = time.perf_counter()
        response = client.post(
            f"/api/v1/claimreviews/import/?workspace={workspace.slug}",
            data=body,
            content_type="application/ld+json",
            secure=True,
        )
        took = time.perf_counter() - started
        if response.status_code != 200 or response.json()["rejected"]:
            sys.exit(f"The API answered {response.status_code}: {response.content[:300]!r}")
        seconds.append(took)
    return seconds


def run(number: int, files: dict[str, Path], reviews: list[dict[str, Any]], user: Any) -> dict:
    """One run: the command (JSON-LD, then again, then CSV) and the API, each into a new
    workspace."""
    results: dict[str, Any] = {}
    json_workspace = new_workspace(user, f"json-{number}")
    results["command_jsonld_seconds"], summary = timed(
        lambda: command(files["jsonld"], user, json_workspace)
    )
    results["command_jsonld_summary"] = summary
    results["made"] = check(json_workspace, len(reviews))
    results["command_jsonld_again_seconds"], results["command_jsonld_again_summary"] = timed(
        lambda: command(files["jsonld"], user, json_workspace)
    )
    csv_workspace = new_workspace(user, f"csv-{number}")
    results["command_csv_seconds"], results["command_csv_summary"] = timed(
        lambda: command(files["csv"], user, csv_workspace)
    )
    check(csv_workspace, len(reviews))
    api_workspace = new_workspace(user, f"api-{number}")
    results["api_request_seconds"] = through_the_api(reviews, user, api_workspace)
    results["api_seconds"] = sum(results["api_request_seconds"])
    check(api_workspace, len(reviews))
    print(
        f"run {number}: command JSON-LD {results['command_jsonld_seconds']:.2f} s "
        f"({summary}); again {results['command_jsonld_again_seconds']:.2f} s; CSV "
        f"{results['command_csv_seconds']:.2f} s; API {results['api_seconds']:.2f} s in "
        f"{len(results['api_request_seconds'])} requests",
        flush=True,
    )
    return results


def benchmark(arguments: argparse.Namespace, database: str) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create(username="bench-editor")
    reviews = archive(arguments.items)
    with tempfile.TemporaryDirectory() as directory:
        files = {"jsonld": Path(directory) / "archive.jsonld", "csv": Path(directory) / "a.csv"}
        feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": reviews}
        files["jsonld"].write_text(json.dumps(feed), encoding="utf-8")
        files["csv"].write_text(as_csv(reviews), encoding="utf-8")
        sizes = {kind: path.stat().st_size for kind, path in files.items()}
        print(
            f"{arguments.items:,} ClaimReviews: {sizes['jsonld']:,} bytes of JSON-LD, "
            f"{sizes['csv']:,} of CSV; importing into {database}, {arguments.runs} runs…",
            flush=True,
        )
        runs = [run(number, files, reviews, user) for number in range(arguments.runs)]
    summary = {
        key: {
            "median": statistics.median(run[key] for run in runs),
            "min": min(run[key] for run in runs),
        }
        for key in (
            "command_jsonld_seconds",
            "command_jsonld_again_seconds",
            "command_csv_seconds",
            "api_seconds",
        )
    }
    print()
    for key, figures in summary.items():
        print(f"{key:32} median {figures['median']:6.2f} s, min {figures['min']:6.2f} s")
    best = summary["command_jsonld_seconds"]["median"]
    verdict = "met" if best < GOAL_SECONDS else "MISSED"
    print(f"\nGoal: {arguments.items:,} items in under {GOAL_SECONDS:.0f} s: {verdict}.")
    return {
        "benchmark": "importing an archive of ClaimReviews (PostgreSQL)",
        "seed": SEED,
        "items": arguments.items,
        "file_bytes": sizes,
        "goal_seconds": GOAL_SECONDS,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        **runtime("Django", "djangorestframework", "psycopg"),
        "summary": summary,
        "runs": runs,
    }


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--items", type=int, default=ITEMS)
    parser.add_argument("--runs", type=int, default=RUNS)
    arguments = parser.parse_args()
    setup_django_for_test_client()
    require_postgresql("bench/archive_import.py")
    with throwaway_database(suffix="archive") as database:
        report = benchmark(arguments, database)
    stamp = timestamp()
    write_results("archive-import", stamp, {"created": stamp, **report})


if __name__ == "__main__":
    main()
