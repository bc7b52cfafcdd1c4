"""Benchmark: re-anchoring 1,000 spans on a ~100,000-character article after an edit.

Measures the wall time (``time.perf_counter``) of what the service does when an article's
body changes: diff the old and new bodies once (``BodyChange``), then place every span.
The article is built reproducibly from the seed article's paragraphs, repeated in a shuffled
order with their sentences shuffled; the 1,000 spans are random passages of 20 to 200
characters anchored with ``anchor_at``. Each edit scenario runs 5 times; the script prints
the median and maximum times, how many spans ended in each state, and how many of the spans
the edit did not touch were found exactly where the edit put them. Results also go to
``bench/results/reanchor-<timestamp>.json``.

The sentences of the seed article recur throughout the built article, so a passage whose
paragraph is deleted is often found again in another copy (``moved``) rather than orphaned.

Run from the project root: ``.venv/bin/python bench/reanchor.py``.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass

import django.db
from common import (
    SENTENCE_END,
    build_article,
    runtime,
    seed_article_text,
    seeded_random,
    setup_django,
    throwaway_database,
    timestamp,
    write_results,
)

from annotations.articles.reanchor import ANCHORED, FUZZY, MOVED, ORPHANED, BodyChange
from annotations.articles.text import Anchor, anchor_at, normalize_text

SEED = 20240612
ARTICLE_LENGTH = 100_000
SPAN_COUNT = 1_000
SPAN_LENGTHS = (20, 200)
REPEATS = 5
STATES = (ANCHORED, MOVED, FUZZY, ORPHANED)


@dataclass(frozen=True)
class Replacement:
    """``old[start:end]`` replaced by ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Edit:
    """A new body, and where an untouched passage of the old one now starts (or ``None``
    when the edit touched it)."""

    new: str
    expected_start: Callable[[int, int], int | None]


@dataclass
class ScenarioResult:
    name: str
    seconds: list[float]
    diff_seconds: list[float]
    median_seconds: float
    max_seconds: float
    median_diff_seconds: float
    states: dict[str, int]
    untouched_spans: int
    untouched_placed_exactly: int
    length_change: int
    quote_mismatches: int


def seed_paragraphs() -> list[str]:
    return normalize_text(seed_article_text()).split("\n\n")


def pick_spans(rng: random.Random, body: str, count: int) -> list[Anchor]:
    spans = []
    for _ in range(count):
        length = rng.randint(*SPAN_LENGTHS)
        start = rng.randrange(len(body) - length)
        spans.append(anchor_at(body, start, start + length))
    return spans


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every paragraph of ``body``."""
    bounds = []
    start = 0
    for match in re.finditer("\n\n", body):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(body)))
    return bounds


def replace(old: str, replacements: list[Replacement]) -> Edit:
    """Apply non-overlapping ``replacements``; a passage they do not overlap (insertions
    at its edges included) shifts by the change in length before it."""
    ordered = sorted(replacements, key=lambda replacement: replacement.start)
    pieces, position = [], 0
    for replacement in ordered:
        pieces += [old[position : replacement.start], replacement.text]
        position = replacement.end
    new = "".join([*pieces, old[position:]])

    def expected_start(start: int, end: int) -> int | None:
        shift = 0
        for replacement in ordered:
            if replacement.start == replacement.end:  # an insertion
                if start < replacement.start < end:
                    return None
                if replacement.start <= start:
                    shift += len(replacement.text)
            elif replacement.start < end and replacement.end > start:
                return None
            elif replacement.end <= start:
                shift += len(replacement.text) - (replacement.end - replacement.start)
        return start + shift

    return Edit(new, expected_start)


def insert_sentence(rng: random.Random, old: str) -> Edit:
    """A sentence inserted after the first sentence that ends past character 200."""
    at = next(match.start() for match in SENTENCE_END.finditer(old) if match.start() > 200)
    sentence = " Editor\u2019s note: this article was updated with comments from the Kremlin."
    return replace(old, [Replacement(at, at, sentence)])


def delete_paragraph(rng: random.Random, old: str) -> Edit:
    """The paragraph in the middle of the article deleted, with the break after it."""
    bounds = paragraph_bounds(old)
    start, end = next(bound for bound in bounds if bound[1] >= len(old) // 2)
    return replace(old, [Replacement(start, end + 2, "")])


def change_words(rng: random.Random, old: str) -> Edit:
    """Twenty words of six letters or more, at random, each replaced by another word."""
    words = [match.span() for match in re.finditer(r"\b[a-z]{6,}\b", old)]
    chosen = rng.sample(words, 20)
    others = ["reportedly", "allegedly", "officially", "quietly", "publicly"]
    return replace(old, [Replacement(start, end, rng.choice(others)) for start, end in chosen])


def swap(old: str, first: int, second: int) -> Edit:
    """Paragraphs ``first`` and ``second`` (indices, ``first < second``) swapped."""
    bounds = paragraph_bounds(old)
    (a_start, a_end), (b_start, b_end) = bounds[first], bounds[second]
    a_text, b_text = old[a_start:a_end], old[b_start:b_end]
    new = old[:a_start] + b_text + old[a_end:b_start] + a_text + old[b_end:]
    growth = len(b_text) - len(a_text)

    def expected_start(start: int, end: int) -> int | None:
        if end <= a_start:
            return start
        if a_start <= start and end <= a_end:
            return start + (b_start + growth - a_start)
        if a_end <= start and end <= b_start:
            return start + growth
        if b_start <= start and end <= b_end:
            return start - (b_start - a_start)
        if start >= b_end:
            return start
        return None

    return Edit(new, expected_start)


def swap_adjacent(rng: random.Random, old: str) -> Edit:
    """The paragraph at about 40% of the article swapped with the one after it."""
    middle = len(paragraph_bounds(old)) * 2 // 5
    return swap(old, middle, middle + 1)


def swap_distant(rng: random.Random, old: str) -> Edit:
    """The paragraphs at about 25% and 75% of the article swapped (extra scenario)."""
    count = len(paragraph_bounds(old))
    return swap(old, count // 4, count * 3 // 4)


SCENARIOS: dict[str, Callable[[random.Random, str], Edit]] = {
    "sentence inserted near the start": insert_sentence,
    "paragraph deleted in the middle": delete_paragraph,
    "a word changed in 20 places": change_words,
    "two adjacent paragraphs swapped": swap_adjacent,
    "two distant paragraphs swapped": swap_distant,
}
SERVICE_SCENARIO = "sentence inserted near the start"
"""The edit also timed through the whole service (``services.article_update``)."""


def run_scenario(name: str, old: str, edit: Edit, spans: list[Anchor]) -> ScenarioResult:
    seconds, diff_seconds = [], []
    states: Counter[str] = Counter()
    untouched = exact = mismatches = 0
    for repeat in range(REPEATS):
        began = time.perf_counter()
        change = BodyChange(old, edit.new)
        diffed = time.perf_counter()
        placements = [
            change.place(span.start, span.end, span.quote, span.prefix, span.suffix)
            for span in spans
        ]
        ended = time.perf_counter()
        seconds.append(ended - began)
        diff_seconds.append(diffed - began)
        if repeat == 0:
            for span, placement in zip(spans, placements, strict=True):
                states[placement.state] += 1
                anchor = placement.anchor
                if anchor is not None and edit.new[anchor.start : anchor.end] != anchor.quote:
                    mismatches += 1
                expected = edit.expected_start(span.start, span.end)
                if expected is not None:
                    untouched += 1
                    exact += anchor is not None and anchor.start == expected
    return ScenarioResult(
        name=name,
        seconds=seconds,
        diff_seconds=diff_seconds,
        median_seconds=statistics.median(seconds),
        max_seconds=max(seconds),
        median_diff_seconds=statistics.median(diff_seconds),
        states={state: states[state] for state in STATES},
        untouched_spans=untouched,
        untouched_placed_exactly=exact,
        length_change=len(edit.new) - len(old),
        quote_mismatches=mismatches,
    )


def time_the_service(old: str, spans: list[Anchor], new: str) -> list[float]:
    """Seconds taken by ``services.article_update`` to store ``new`` as a revision of an
    article with ``spans``, re-anchoring them and recording their history, on the database
    of ``DATABASE_URL`` (SQLite by default), in a throw-away test database."""
    setup_django(bench_secret_key=True)
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from annotations.articles.models import Article, Span
    from annotations.articles.services import article_update
    from annotations.workspaces.models import Workspace

    with throwaway_database():
        user = get_user_model().objects.create(username="bench")
        workspace = Workspace.objects.create(slug="bench", name="Bench")
        article = Article.objects.create(workspace=workspace, created_by=user, title="B", body=old)
        Span.objects.bulk_create(
            Span(article=article, created_by=user, **span.as_fields()) for span in spans
        )
        seconds = []
        for _ in range(REPEATS):
            with transaction.atomic():
                began = time.perf_counter()
                article_update(Article.objects.get(pk=article.pk), {"body": new}, by=user)
                seconds.append(time.perf_counter() - began)
                transaction.set_rollback(True)
        return seconds


def print_table(results: list[ScenarioResult]) -> None:
    header = (
        f"{'scenario':<34} {'median ms':>9} {'max ms':>8} {'diff ms':>8} "
        + " ".join(f"{state:>8}" for state in STATES)
        + f" {'untouched exact':>16}"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        print(
            f"{result.name:<34} {result.median_seconds * 1000:>9.1f} "
            f"{result.max_seconds * 1000:>8.1f} {result.median_diff_seconds * 1000:>8.1f} "
            + " ".join(f"{result.states[state]:>8}" for state in STATES)
            + f" {f'{result.untouched_placed_exactly}/{result.untouched_spans}':>16}"
        )


def main() -> None:
    rng = seeded_random(SEED)
    old = build_article(rng, seed_paragraphs(), ARTICLE_LENGTH)
    spans = pick_spans(rng, old, SPAN_COUNT)
    results = [run_scenario(name, old, make(rng, old), spans) for name, make in SCENARIOS.items()]
    print(
        f"{len(old):,} characters, {len(paragraph_bounds(old))} paragraphs, "
        f"{len(spans):,} spans of {SPAN_LENGTHS[0]}-{SPAN_LENGTHS[1]} characters, "
        f"{REPEATS} runs each (diff once, then place every span)\n"
    )
    print_table(results)
    if any(result.quote_mismatches for result in results):
        print("\nWARNING: some placements do not select their own quote.")
    inserted = SCENARIOS[SERVICE_SCENARIO](seeded_random(SEED), old).new
    service_seconds = time_the_service(old, spans, inserted)
    database = django.db.connection.vendor
    print(
        f"\nThe whole body change through services.article_update on {database} (new revision, "
        f"{len(spans):,} spans re-anchored and saved with their history), sentence inserted: "
        f"median {statistics.median(service_seconds) * 1000:.1f} ms, "
        f"max {max(service_seconds) * 1000:.1f} ms"
    )
    stamp = timestamp()
    report = {
        "benchmark": "re-anchoring spans after an article edit (annotations.articles.reanchor)",
        "created": stamp,
        "seed": SEED,
        "article_characters": len(old),
        "article_paragraphs": len(paragraph_bounds(old)),
        "spans": len(spans),
        "span_lengths": list(SPAN_LENGTHS),
        "repeats": REPEATS,
        **runtime("diff-match-patch", "rapidfuzz"),
        "scenarios": [asdict(result) for result in results],
        "service": {
            "database": database,
            "scenario": SERVICE_SCENARIO,
            "seconds": service_seconds,
            "median_seconds": statistics.median(service_seconds),
        },
    }
    write_results("reanchor", stamp, report)


if __name__ == "__main__":
    main()
