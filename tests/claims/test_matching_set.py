"""The claim-matching evaluation set (``tests/matching_set.py``): reproducible, of the promised
size and kinds, its labels consistent; and its metrics (``evaluate``) computed as documented."""

import hashlib
import os
import re
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tests.matching_set import (
    KINDS,
    RATINGS_QUOTED,
    RATINGS_VIRAL,
    Claim,
    MatchingSet,
    Query,
    average_precision,
    build,
    evaluate,
)

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def matching_set() -> MatchingSet:
    return build()


def digest(matching_set: MatchingSet) -> str:
    return hashlib.sha256(repr(matching_set).encode()).hexdigest()


def test_a_seed_gives_the_same_set_and_another_seed_another() -> None:
    seven = build(7)
    assert build(7) == seven
    assert build(8).claims != seven.claims


def test_the_set_does_not_depend_on_string_hashing(matching_set: MatchingSet) -> None:
    """Another process, with another hash seed, builds the same set: nothing depends on the
    order of a set of strings."""
    program = "from tests.matching_set import build; import sys; sys.stdout.write(repr(build()))"
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    made = subprocess.run(  # noqa: S603 - this interpreter, with a fixed program
        [sys.executable, "-c", program],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert hashlib.sha256(made.encode()).hexdigest() == digest(matching_set)


def test_it_is_built_in_a_second_or_two() -> None:
    began = time.perf_counter()
    build(11)
    assert time.perf_counter() - began < 5  # about 0.6 s; generous for a busy machine


def test_sizes_and_kinds(matching_set: MatchingSet) -> None:
    kinds = Counter(query.kind for query in matching_set.queries)
    assert len(matching_set.claims) >= 5_000
    assert len(matching_set.related) >= 500
    assert kinds["unrelated"] == len(matching_set.unrelated) >= 100
    assert set(kinds) == set(KINDS)
    assert kinds["post"] >= 300
    assert kinds["news"] >= 150
    assert len({query.id for query in matching_set.queries}) == len(matching_set.queries)


def test_every_relevant_claim_exists_and_belongs_to_one_claim(matching_set: MatchingSet) -> None:
    claims = {claim.id: claim for claim in matching_set.claims}
    assert len(claims) == len(matching_set.claims)
    for query in matching_set.queries:
        if query.kind == "unrelated":
            assert query.relevant == ()
            continue
        assert query.relevant, query
        assert set(query.relevant) <= set(claims), query
        # Several relevant claims are the same claim checked again: one family, one template.
        assert len({claims[pk].family for pk in query.relevant}) == 1
        assert len({claims[pk].template for pk in query.relevant}) == 1
    assert len({claim.text for claim in matching_set.claims}) == len(matching_set.claims)


def test_claims_have_a_claimant_a_date_and_mostly_a_rating(matching_set: MatchingSet) -> None:
    ratings = set(RATINGS_VIRAL) | set(RATINGS_QUOTED) | {None}
    for claim in matching_set.claims:
        assert claim.claimant
        assert date(2014, 1, 1) <= claim.date <= date(2024, 12, 31)
        assert claim.rating in ratings
    assert sum(claim.rating is None for claim in matching_set.claims) < 0.1 * len(
        matching_set.claims
    )


def test_near_duplicates_are_the_rule(matching_set: MatchingSet) -> None:
    """Most claims share their family with near-duplicates, and most queries are about a
    claim that has some: a ranking has to tell them apart."""
    families = Counter(claim.family for claim in matching_set.claims)
    in_families = sum(families[claim.family] > 1 for claim in matching_set.claims)
    assert in_families > 0.5 * len(matching_set.claims)
    hard = sum("near-duplicates" in query.traits for query in matching_set.related)
    assert hard > 0.6 * len(matching_set.related)
    assert sum(len(query.relevant) > 1 for query in matching_set.related) >= 10  # rechecks
    assert len({claim.template for claim in matching_set.claims}) >= 20


def test_queries_look_like_posts_and_news(matching_set: MatchingSet) -> None:
    related = matching_set.related
    traits = Counter(trait for query in related for trait in set(query.traits))
    for trait in (
        "link",
        "hashtag",
        "signature",
        "typo",
        "mention",
        "emoji",
        "handle",
        "surname",
        "paraphrase",
        "comment",
        "vague",
    ):
        assert traits[trait] >= 20, trait
    assert traits["own"] >= 3
    texts = [query.text for query in matching_set.queries]

    def share(pattern: str) -> float:
        return sum(bool(re.search(pattern, text)) for text in texts) / len(texts)

    assert share(r"https://t\.co/\w{10}") > 0.1
    assert share(r"pic\.twitter\.com/\w{10}") > 0.05
    assert share(r"\u2014 [^()]+ \(@\w+\) [A-Z][a-z]+ \d{1,2}, 20\d\d$") > 0.1
    assert share(r"#[A-Z][a-z]+[A-Z]\w+") > 0.1  # #PizzaVendingMachine
    assert share(r"(^|\s)@\w+") > 0.1  # besides the signatures


def test_queries_do_not_copy_their_claim(matching_set: MatchingSet) -> None:
    """Few queries hold their claim's words as the claim has them: posts say it otherwise."""
    claims = {claim.id: claim for claim in matching_set.claims}

    def words(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower()))

    copied = sum(
        words(claims[query.relevant[0]].text) in words(query.text) for query in matching_set.related
    )
    assert copied < 0.15 * len(matching_set.related)


# --- Metrics --------------------------------------------------------------------------------


def tiny_set() -> MatchingSet:
    day = date(2020, 1, 1)
    claims = tuple(Claim(f"c{n}", f"claim {n}", "Tweets", day, None, "t", n) for n in range(4))
    queries = (
        Query("q1", "about c0", ("c0",), "post"),
        Query("q2", "about c1", ("c1",), "news"),
        Query("q3", "about c2 and c3", ("c2", "c3"), "post"),
        Query("q4", "about nothing", (), "unrelated"),
    )
    return MatchingSet(0, claims, queries)


def test_a_perfect_ranking_scores_one_and_an_empty_one_zero() -> None:
    tiny = tiny_set()
    answers = {query.text: query.relevant for query in tiny.queries}
    perfect = evaluate(lambda text: [(pk, 0.9) for pk in answers[text]], tiny, threshold=0.6)
    for metric in ("map@5", "mrr", "r@1", "r@5", "r@10"):
        assert perfect[metric] == pytest.approx(1.0 if metric != "r@1" else (1 + 1 + 0.5) / 3)
    assert perfect["queries"] == 3
    assert perfect["unrelated_queries"] == 1
    assert perfect["threshold"]["true_matches_reaching"] == 3
    assert perfect["threshold"]["unrelated_reaching"] == 0
    assert perfect["threshold"]["precision"] == 1.0
    assert perfect["unrelated_best"]["max"] == 0.0
    assert perfect["ranks"] == {"q1": 1, "q2": 1, "q3": 1}
    empty = evaluate(lambda text: [], tiny, threshold=0.6)
    assert empty["map@5"] == empty["mrr"] == empty["r@10"] == 0.0
    assert empty["ranks"] == {"q1": None, "q2": None, "q3": None}


def test_metrics_of_a_ranking_that_puts_the_answer_second() -> None:
    tiny = tiny_set()
    answers = {query.text: query.relevant for query in tiny.queries}

    def second(text: str) -> list[tuple[str, float | None]]:
        wrong = next(claim.id for claim in tiny.claims if claim.id not in answers[text])
        return [(wrong, 0.7), *((pk, 0.5) for pk in answers[text])]

    found = evaluate(second, tiny, threshold=0.6)
    assert found["mrr"] == pytest.approx(0.5)
    assert found["r@1"] == 0.0
    assert found["r@5"] == 1.0
    # q3: relevant at 2 and 3 of 2 relevant: (1/2 + 2/3) / 2.
    assert found["map@5"] == pytest.approx((0.5 + 0.5 + (1 / 2 + 2 / 3) / 2) / 3)
    assert found["threshold"]["true_matches_reaching"] == 0
    assert found["threshold"]["unrelated_reaching"] == 1
    assert found["threshold"]["precision"] == 0.0
    assert found["unrelated_best"]["max"] == 0.7
    assert found["by_kind"]["news"]["mrr"] == pytest.approx(0.5)


def test_a_stage_without_scores_has_no_score_levels() -> None:
    tiny = tiny_set()
    found = evaluate(lambda text: [("c0", None)], tiny)
    assert "unrelated_best" not in found
    assert found["ranks"]["q1"] == 1


def test_average_precision_at_5() -> None:
    assert average_precision(["a", "x", "b"], {"a", "b"}) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision(["x"] * 5 + ["a"], {"a"}) == 0.0
