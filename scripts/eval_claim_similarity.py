"""Measure rapidfuzz similarity measures on the claim-matching evaluation set.

"Has this claim been checked before?" is answered by comparing a sentence from a new article
with the claims already recorded. This script scores that with several rapidfuzz measures on the
hand-labelled set ``tests/data/claim_paraphrases.json`` and prints a comparison table.

Protocol:

* corpus = every member of every group (the recorded ``claim`` and its 3 ``paraphrases``);
* queries = every paraphrase; for a query, the corpus is all members of all groups except the
  query itself, and the relevant items are the other members of its group (its claim and the
  other 2 paraphrases: 3 relevant items);
* precision@5 = mean over queries of (relevant items in the top 5) / min(5, number relevant);
* claim R@1 / R@5 = share of queries whose group's ``claim`` is ranked first / in the top 5;
* true-pair scores = the scores of every (query, relevant item) pair: median and 10th percentile;
* near miss = for each query, the best score of an item of another group (median over queries);
* unrelated = for each ``unrelated`` query, the best score of any corpus item (max and mean).

Ties in a ranking are broken by text, so the order of the data file cannot favour a group.
Every text goes through ``rapidfuzz.utils.default_process`` (lower case, non-alphanumerics to
spaces, trimmed); the "-stop" variants then drop the words of ``STOP_WORDS``.

Usage: ``.venv/bin/python scripts/eval_claim_similarity.py [--data PATH] [--misses]``
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from annotations.claims.similarity import STOP_WORDS

Scorer = Callable[[str, str], float]

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "claim_paraphrases.json"
TOP_K = 5

# Function words, reporting verbs and hedges that paraphrases add or drop freely. Negations
# ("not", "no") and comparatives ("more", "fewer", "than") are kept: they change the claim.


def avg_sort_set(s1: str, s2: str) -> float:
    """Mean of token_sort_ratio and token_set_ratio."""
    return (fuzz.token_sort_ratio(s1, s2) + fuzz.token_set_ratio(s1, s2)) / 2


MEASURES: dict[str, Scorer] = {
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
    "partial_token_sort_ratio": fuzz.partial_token_sort_ratio,
    "QRatio": fuzz.QRatio,
    "avg(token_sort,token_set)": avg_sort_set,
}


@dataclass(frozen=True)
class Item:
    text: str
    group: int
    is_claim: bool


@dataclass(frozen=True)
class Dataset:
    items: list[Item]
    unrelated: list[str]


@dataclass(frozen=True)
class Result:
    name: str
    precision_at_k: float
    claim_r1: float
    claim_r5: float
    true_scores: list[float]
    own_claim_scores: list[float]
    near_miss: list[float]
    unrelated_max: list[float]
    misses: list[tuple[str, str, float]]
    worst_unrelated: tuple[str, str, float]

    @property
    def true_median(self) -> float:
        return statistics.median(self.true_scores)

    @property
    def true_p10(self) -> float:
        return percentile(self.true_scores, 10)

    @property
    def margin(self) -> float:
        """Gap between the 10th percentile of true pairs and the worst unrelated query."""
        return self.true_p10 - max(self.unrelated_max)


def percentile(values: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile (same as numpy's default)."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * pct / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def load(path: Path) -> Dataset:
    raw = json.loads(path.read_text(encoding="utf-8"))
    items: list[Item] = []
    for index, group in enumerate(raw["groups"]):
        items.append(Item(group["claim"], index, is_claim=True))
        items.extend(Item(text, index, is_claim=False) for text in group["paraphrases"])
    texts = [item.text for item in items] + list(raw["unrelated"])
    if len(set(texts)) != len(texts):
        raise SystemExit(f"{path}: duplicate texts")
    return Dataset(items, list(raw["unrelated"]))


def preprocess(text: str, *, drop_stop_words: bool) -> str:
    processed = default_process(text)
    if not drop_stop_words:
        return processed
    return " ".join(word for word in processed.split() if word not in STOP_WORDS)


def evaluate(name: str, scorer: Scorer, data: Dataset, *, drop_stop_words: bool) -> Result:
    corpus = [preprocess(item.text, drop_stop_words=drop_stop_words) for item in data.items]
    hits = claim_r1 = claim_r5 = 0.0
    true_scores: list[float] = []
    own_claim_scores: list[float] = []
    near_miss: list[float] = []
    misses: list[tuple[str, str, float]] = []
    queries = [i for i, item in enumerate(data.items) if not item.is_claim]
    for qi in queries:
        query, group = corpus[qi], data.items[qi].group
        scored = [(scorer(query, corpus[ci]), ci) for ci in range(len(corpus)) if ci != qi]
        scored.sort(key=lambda pair: (-pair[0], corpus[pair[1]]))
        relevant = [(s, ci) for s, ci in scored if data.items[ci].group == group]
        top = [ci for _, ci in scored[:TOP_K]]
        hits += sum(data.items[ci].group == group for ci in top) / min(TOP_K, len(relevant))
        claim = next(ci for _, ci in relevant if data.items[ci].is_claim)
        claim_r1 += top[0] == claim
        claim_r5 += claim in top
        true_scores.extend(s for s, _ in relevant)
        own_claim_scores.extend(s for s, ci in relevant if ci == claim)
        best_other = next((s, ci) for s, ci in scored if data.items[ci].group != group)
        near_miss.append(best_other[0])
        if data.items[top[0]].group != group:
            misses.append((data.items[qi].text, data.items[top[0]].text, scored[0][0]))
    unrelated_best = [
        max(
            (scorer(preprocess(text, drop_stop_words=drop_stop_words), c), ci)
            for ci, c in enumerate(corpus)
        )
        for text in data.unrelated
    ]
    unrelated_max = [score for score, _ in unrelated_best]
    worst = max(range(len(unrelated_best)), key=lambda i: unrelated_best[i][0])
    worst_unrelated = (
        data.unrelated[worst],
        data.items[unrelated_best[worst][1]].text,
        unrelated_best[worst][0],
    )
    n = len(queries)
    return Result(
        name=name + (" -stop" if drop_stop_words else ""),
        precision_at_k=hits / n,
        claim_r1=claim_r1 / n,
        claim_r5=claim_r5 / n,
        true_scores=true_scores,
        own_claim_scores=own_claim_scores,
        near_miss=near_miss,
        unrelated_max=unrelated_max,
        misses=misses,
        worst_unrelated=worst_unrelated,
    )


def share_at_least(values: Sequence[float], threshold: float) -> float:
    return sum(v >= threshold for v in values) / len(values)


def recommend(results: Sequence[Result]) -> tuple[Result, int]:
    """Pick a measure and a "likely duplicate" threshold.

    Measure: best precision@5 among the measures whose worst unrelated score is at most the
    median unrelated-max of all measures (i.e. "keeps unrelated scores low"); ties go to the
    larger margin between the true-pair p10 and the worst unrelated score.
    Threshold: the smallest multiple of 5 strictly above every unrelated query's best score,
    so no unrelated query is flagged, with a little room.
    """
    bound = statistics.median(max(r.unrelated_max) for r in results)
    pool = [r for r in results if max(r.unrelated_max) <= bound]
    best = max(pool, key=lambda r: (round(r.precision_at_k, 3), r.margin))
    threshold = 5 * (math.floor(max(best.unrelated_max) / 5) + 1)
    return best, threshold


def print_table(results: Sequence[Result]) -> None:
    header = (
        "| measure | P@5 | claim R@1 | claim R@5 | true med | true p10 | near-miss med "
        "| unrel max | unrel mean | margin |"
    )
    print(header)
    print("|" + "---|" * header.count(" | ") + "---|")
    for r in sorted(results, key=lambda r: -r.precision_at_k):
        print(
            f"| {r.name} | {r.precision_at_k:.3f} | {r.claim_r1:.3f} | {r.claim_r5:.3f} "
            f"| {r.true_median:.1f} | {r.true_p10:.1f} | {statistics.median(r.near_miss):.1f} "
            f"| {max(r.unrelated_max):.1f} | {statistics.mean(r.unrelated_max):.1f} "
            f"| {r.margin:+.1f} |"
        )


def print_sweep(result: Result) -> None:
    print(f"\nThreshold sweep for {result.name} (share of scores >= threshold):")
    print("| threshold | true pairs | query vs own claim | best other-group item | unrelated max |")
    print("|---|---|---|---|---|")
    for threshold in range(40, 101, 5):
        print(
            f"| {threshold} | {share_at_least(result.true_scores, threshold):.3f} "
            f"| {share_at_least(result.own_claim_scores, threshold):.3f} "
            f"| {share_at_least(result.near_miss, threshold):.3f} "
            f"| {share_at_least(result.unrelated_max, threshold):.3f} |"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="evaluation set (JSON)")
    parser.add_argument("--misses", action="store_true", help="list top-1 misses of the pick")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = load(args.data)
    groups = len({item.group for item in data.items})
    results = [
        evaluate(name, scorer, data, drop_stop_words=drop)
        for drop in (False, True)
        for name, scorer in MEASURES.items()
    ]
    print(
        f"{groups} groups, {len(data.items)} corpus items, "
        f"{sum(not i.is_claim for i in data.items)} paraphrase queries, "
        f"{len(data.unrelated)} unrelated queries; top-{TOP_K}\n"
    )
    print_table(results)
    best, threshold = recommend(results)
    print_sweep(best)
    print(
        f"\nRecommended: {best.name} (precision@{TOP_K} {best.precision_at_k:.3f}, "
        f"claim R@1 {best.claim_r1:.3f}), threshold {threshold}: keeps "
        f"{share_at_least(best.true_scores, threshold):.1%} of true pairs, "
        f"{share_at_least(best.own_claim_scores, threshold):.1%} of query-vs-own-claim scores, "
        f"flags {share_at_least(best.unrelated_max, threshold):.1%} of unrelated queries and "
        f"{share_at_least(best.near_miss, threshold):.1%} of queries' best other-group item."
    )
    query, match, score = best.worst_unrelated
    print(f"Highest unrelated score: {score:.1f}  {query!r} -> {match!r}")
    if args.misses:
        print(f"\nTop-1 items from another group, {best.name} (query -> top item, score):")
        for query, top, score in best.misses:
            print(f"  {score:5.1f}  {query}\n         -> {top}")
    print(f"\n({time.perf_counter() - started:.2f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
