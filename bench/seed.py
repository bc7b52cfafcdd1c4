"""Seed a database for the HTTP load benchmark (``bench/load.py``, run by ``scripts/bench.sh``).

Creates, reproducibly (``random.Random(SEED)``; ids and tokens differ from run to run), through
the ORM and the domain services:

- the workspace ``bench`` with an editor, an annotator and 20 reviewers, each with an API token;
- the article ``one-shot`` (the sample article's text) with exactly 50 spans, 20 claims citing
  them and 20 verdicts on those claims: 8 claims ``in_review`` (a draft each), 3 ``agreed``,
  2 ``disputed``, 2 ``published``, 5 ``unreviewed``;
- an article whose 20 claims each have a published verdict, so that the ClaimReview feed has
  22 entries with the 2 above;
- 100 claims without verdicts, for the phase that creates verdicts (20 reviewers x 100 claims:
  2,000 possible new verdicts, one per reviewer and claim);
- long articles (about 100,000 characters: the sample's paragraphs in shuffled rounds, their
  sentences shuffled) for creating spans one by one and 1,000 at a time.

Then ``ANALYZE``, so that the planner has the statistics a database in use has.

Writes what the load generator needs (tokens, ids, body lengths, the sample text, the
database's version) as JSON to the path given. Refuses a database that already holds a
``bench`` workspace with articles: seed a fresh one.

Run from the project root: ``.venv/bin/python bench/seed.py OUT.json`` with
``DJANGO_SETTINGS_MODULE=factcheck.settings`` and ``DATABASE_URL`` set. The rows are made by
``bench/seed_rows.py``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from common import argument_parser, setup_django
from django.db import connection

SEED = 20250611


def parse_arguments() -> argparse.Namespace:
    parser = argument_parser(__doc__)
    parser.add_argument("output", type=Path, help="where to write the JSON for bench/load.py")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed (%(default)s)")
    parser.add_argument(
        "--bulk-articles",
        type=int,
        default=30,
        help="long articles for the bulk phase, one per request (%(default)s)",
    )
    parser.add_argument(
        "--span-articles",
        type=int,
        default=16,
        help="long articles for creating spans one by one, one per client (%(default)s)",
    )
    return parser.parse_args()


def main() -> None:
    arguments = parse_arguments()
    setup_django()
    from seed_rows import REVIEWERS, WORKSPACE, seed  # the models need django.setup() first

    began = time.perf_counter()
    seeded = seed(arguments.seed, arguments.bulk_articles, arguments.span_articles)
    # Statistics, as a database in use has them (autovacuum takes up to a minute to gather
    # them): without, PostgreSQL read every span to find the 50 of the one-shot view's claims.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    arguments.output.write_text(json.dumps(seeded, indent=2, ensure_ascii=False) + "\n")
    print(
        f"seed: workspace {WORKSPACE!r}, {2 + REVIEWERS} users, one-shot article with "
        f"{seeded['one_shot']['spans']} spans / {seeded['one_shot']['claims']} claims / "
        f"{seeded['one_shot']['verdicts']} verdicts, {seeded['feed_entries']} published, "
        f"{len(seeded['review_claims'])} claims to review, "
        f"{len(seeded['span_articles']) + len(seeded['bulk_articles'])} long articles "
        f"in {time.perf_counter() - began:.1f} s -> {arguments.output}"
    )


if __name__ == "__main__":
    main()
