"""What the benchmarks share: reproducible random data, the seed article, Django and its
throw-away database, percentiles, and the JSON results written to ``bench/results/``.

The scripts in ``bench/`` run as files (``.venv/bin/python bench/reanchor.py``), so this
directory is first on ``sys.path`` and they import this module as ``common``.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import platform
import random
import re
import statistics
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

import django

RESULTS = Path(__file__).resolve().parent / "results"
SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[“A-Z])")
"""Where one sentence ends and the next begins, in the seed article's English."""


# --- Data -----------------------------------------------------------------------------------


def seeded_random(seed: int) -> random.Random:
    """A random generator for reproducible test data."""
    return random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets


def seed_article_text() -> str:
    """The sample article that ships with the demo, as stored in the package."""
    path = resources.files("annotations") / "fixtures" / "demo" / "stoltenberg-nato-membership.txt"
    return path.read_text(encoding="utf-8")


def build_article(rng: random.Random, paragraphs: list[str], length: int) -> str:
    """Seed paragraphs in shuffled rounds, each with its sentences shuffled, to ``length``."""
    built: list[str] = []
    size = 0
    while size < length:
        for paragraph in rng.sample(paragraphs, len(paragraphs)):
            sentences = SENTENCE_END.split(paragraph)
            rng.shuffle(sentences)
            built.append(" ".join(sentences))
            size += len(built[-1]) + 2
            if size >= length:
                break
    return "\n\n".join(built)


# --- Django ---------------------------------------------------------------------------------


def setup_django(*, bench_secret_key: bool = False, **defaults: str) -> None:
    """``django.setup()`` with ``factcheck.settings`` (unless the environment names other
    settings) and the environment variables of ``defaults`` where they are not set; with
    ``bench_secret_key``, a fixed secret key where none is set, for a benchmark that runs the
    application in its own process and signs nothing that outlives it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    if bench_secret_key:
        os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    for name, value in defaults.items():
        os.environ.setdefault(name, value)
    django.setup()


@contextmanager
def throwaway_database(suffix: str | None = None) -> Iterator[str]:
    """A test database made from ``DATABASE_URL``'s (Django's ``test_<name>``, or
    ``test_<name>_<suffix>``), migrated, and destroyed when the block ends; yields its name."""
    from django.db import connection

    if suffix is not None:
        connection.settings_dict["TEST"]["NAME"] = (
            f"test_{connection.settings_dict['NAME']}_{suffix}"
        )
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield test_database
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)


# --- Statistics -----------------------------------------------------------------------------
# Two definitions of a percentile, each kept by the benchmark that reports it so that its
# figures stay comparable with its earlier runs (docs/benchmarks.md).


def setup_django_for_test_client() -> None:
    """``setup_django`` for a benchmark that sends requests through Django's test client:
    ``testserver`` allowed, a high throttle rate, the request log at WARNING, failed requests
    reported by the benchmark rather than by Django's traceback log."""
    hosts = os.environ.get("DJANGO_ALLOWED_HOSTS", "")
    if "testserver" not in hosts.split(","):
        os.environ["DJANGO_ALLOWED_HOSTS"] = ",".join(filter(None, [hosts, "testserver"]))
    setup_django(
        bench_secret_key=True,
        FACTCHECK_THROTTLE_USER="1000000/minute",
        DJANGO_LOG_LEVEL="WARNING",
    )
    logging.getLogger("django.request").setLevel(logging.CRITICAL)


def require_postgresql(what: str) -> None:
    """Exit with a message unless the database is PostgreSQL: ``what`` measures it."""
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit(
            f"{what} measures PostgreSQL: set DATABASE_URL to a PostgreSQL server, e.g. "
            "postgres://postgres@127.0.0.1:5432/factcheck_bench (as make bench does)."
        )


def nearest_rank(ordered: list[float], fraction: float) -> float:
    """Nearest-rank percentile of sorted values (``bench/load.py``)."""
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def interpolated(values: Sequence[float], wanted: int) -> float:
    """The ``wanted``-th percentile, interpolated between the values around it
    (``statistics.quantiles``, inclusive method; ``bench/search.py``)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[wanted - 1]


# --- Results --------------------------------------------------------------------------------


def argument_parser(doc: str | None) -> argparse.ArgumentParser:
    """A parser described by the first paragraph of a script's docstring."""
    return argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])


def timestamp() -> str:
    """The current UTC time as results are named and dated, e.g. ``20261201T190645Z``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def runtime(*packages: str) -> dict[str, Any]:
    """Python's version, the platform, and the versions of ``packages`` if any are named."""
    found: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    if packages:
        found["packages"] = {name: version(name) for name in packages}
    return found


def write_results(name: str, stamp: str, report: dict[str, Any], directory: Path = RESULTS) -> Path:
    """``report`` as ``<directory>/<name>-<stamp>.json``, announced on standard output."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}-{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWrote {path}")
    return path
