"""Agreement statistics, checked against the ``krippendorff`` package, published worked
examples and independent direct formulas. No database needed."""

import math
from collections.abc import Hashable, Sequence
from typing import Any

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.review.agreement import (
    Level,
    PairKappa,
    cohen_kappa,
    krippendorff_alpha,
    pairwise_kappas,
    units_from_ratings,
)

# Reliability data are coders x units, as in Krippendorff's papers; None marks a missing value.
Matrix = Sequence[Sequence[Hashable | None]]

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders,
# 12 units, values 1..5. Published: nominal 0.743, ordinal 0.815.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
# The same data as verdict-like labels; alphabetical order is not the rank order.
LABELS = ["very low", "low", "mid", "high", "very high"]
KRIPPENDORFF_2011_LABELS = [
    [None if v is None else LABELS[v - 1] for v in row] for row in KRIPPENDORFF_2011
]
# The example in the krippendorff package's docstring: 3 coders, 15 units, nominal 0.691358.
PACKAGE_DOCSTRING = [
    [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
    [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
    [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
]

# The package's messages for data on which alpha is undefined.
UNDEFINED_MESSAGES = (
    "There has to be more than one value in the domain.",
    "There has to be at least one unit with values assigned by at least two coders.",
)


def to_units(matrix: Matrix) -> dict[Hashable, list[Hashable]]:
    """Coders x units reliability data -> {unit: [values]} without the missing ones."""
    n_units = len(matrix[0]) if matrix else 0
    return {j: [row[j] for row in matrix if row[j] is not None] for j in range(n_units)}


def package_alpha(matrix: Matrix, level: Level, order: Sequence[Hashable] | None) -> float | None:
    """The krippendorff package's alpha, with "undefined" (its ValueError for no pairable
    unit or a one-value domain, or its nan from 0/0) turned into None."""
    if any(isinstance(v, str) for row in matrix for v in row):
        data = np.array([["nan" if v is None else v for v in row] for row in matrix], dtype=str)
    else:
        data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
    try:
        # 0/0 -> nan would otherwise warn, and the test settings turn RuntimeWarning into errors.
        with np.errstate(invalid="ignore", divide="ignore"):
            result = float(
                krippendorff.alpha(
                    reliability_data=data,
                    level_of_measurement=level,
                    value_domain=None if order is None else np.array(order),
                )
            )
    except ValueError as error:
        if str(error) in UNDEFINED_MESSAGES:
            return None
        raise
    return None if math.isnan(result) else result


# --- Krippendorff's alpha: worked examples -------------------------------------------------


@pytest.mark.parametrize(
    ("matrix", "order"),
    [
        (KRIPPENDORFF_2011, [1, 2, 3, 4, 5]),
        (KRIPPENDORFF_2011_LABELS, LABELS),
        (PACKAGE_DOCSTRING, [1, 2, 3, 4]),
    ],
    ids=["2011-numbers", "2011-labels", "package-docstring"],
)
@pytest.mark.parametrize("level", ["nominal", "ordinal"])
def test_alpha_matches_package_on_worked_examples(
    matrix: Matrix, order: list[Hashable], level: Any
) -> None:
    expected = package_alpha(matrix, level, order)
    assert expected is not None
    assert krippendorff_alpha(to_units(matrix), level=level, order=order) == pytest.approx(
        expected, abs=1e-9
    )


def test_alpha_matches_published_values() -> None:
    units = to_units(KRIPPENDORFF_2011)
    assert krippendorff_alpha(units, level="nominal") == pytest.approx(0.743, abs=5e-4)
    ordinal = krippendorff_alpha(units, level="ordinal", order=[1, 2, 3, 4, 5])
    assert ordinal == pytest.approx(0.815, abs=5e-4)
    nominal = krippendorff_alpha(to_units(PACKAGE_DOCSTRING), level="nominal")
    assert nominal == pytest.approx(0.691358, abs=5e-7)


def test_ordinal_alpha_uses_order_not_the_values_sort_order() -> None:
    units = to_units(KRIPPENDORFF_2011_LABELS)
    by_rank = krippendorff_alpha(units, level="ordinal", order=LABELS)
    alphabetical = krippendorff_alpha(units, level="ordinal", order=sorted(LABELS))
    assert by_rank == pytest.approx(0.815, abs=5e-4)
    assert alphabetical != pytest.approx(by_rank, abs=1e-3)


def test_units_with_a_single_value_are_dropped() -> None:
    units = to_units(KRIPPENDORFF_2011)
    padded: dict[Hashable, list[Hashable]] = {"lonely": [5], "empty": []}
    padded.update(units)
    for level in ("nominal", "ordinal"):
        assert krippendorff_alpha(padded, level=level, order=[1, 2, 3, 4, 5]) == (
            krippendorff_alpha(units, level=level, order=[1, 2, 3, 4, 5])
        )


def test_alpha_is_none_when_nothing_is_pairable() -> None:
    matrix: Matrix = [[1, None, 3], [None, 2, None]]
    assert package_alpha(matrix, "nominal", [1, 2, 3]) is None  # the package raises ValueError
    assert krippendorff_alpha(to_units(matrix), level="nominal") is None
    assert krippendorff_alpha({}, level="ordinal", order=[1, 2, 3]) is None


def test_alpha_is_none_when_everyone_used_one_value() -> None:
    matrix: Matrix = [[2, 2, None], [2, 2, 3]]  # 3 is not pairable: the pairable values are all 2
    for level in ("nominal", "ordinal"):
        # The package divides 0 by 0 and returns nan.
        assert package_alpha(matrix, level, [1, 2, 3]) is None
        assert krippendorff_alpha(to_units(matrix), level=level, order=[1, 2, 3]) is None


def test_perfect_agreement_is_one_and_systematic_disagreement_is_negative() -> None:
    agree = {"c1": [1, 1, 1], "c2": [2, 2], "c3": [3, 3]}
    assert krippendorff_alpha(agree, level="nominal") == 1.0
    assert krippendorff_alpha(agree, level="ordinal", order=[1, 2, 3]) == 1.0
    disagree = {"c1": [1, 2], "c2": [2, 1]}
    nominal = krippendorff_alpha(disagree, level="nominal")
    assert nominal is not None
    assert nominal < 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": "ordinal"}, "needs `order`"),
        ({"level": "ordinal", "order": [1, 2]}, "not in `order`"),
        ({"level": "nominal", "order": [1, 2]}, "not in `order`"),
        ({"level": "ordinal", "order": [1, 2, 3, 1]}, "more than once"),
        ({"level": "interval"}, "Unknown level"),
    ],
)
def test_alpha_rejects_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        krippendorff_alpha({"c1": [1, 3], "c2": [2, 2]}, **kwargs)


# --- Krippendorff's alpha: random data against the package ---------------------------------

INT_ORDER = [1, 2, 3, 4, 5]
LABEL_ORDER = ["false", "mostly-false", "mixed", "mostly-true", "true"]


@st.composite
def reliability_data(draw: st.DrawFn, order: Sequence[Hashable]) -> list[list[Hashable | None]]:
    """Coders x units with values from ``order`` and missing values (None)."""
    n_coders = draw(st.integers(min_value=1, max_value=6))
    n_units = draw(st.integers(min_value=1, max_value=12))
    # Some data sets use few values, so that the "undefined" cases come up too.
    values = draw(st.lists(st.sampled_from(order), min_size=1, max_size=5, unique=True))
    cell = st.none() | st.sampled_from(values)
    row = st.lists(cell, min_size=n_units, max_size=n_units)
    return draw(st.lists(row, min_size=n_coders, max_size=n_coders))


@pytest.mark.parametrize("order", [INT_ORDER, LABEL_ORDER], ids=["ints", "labels"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_alpha_matches_package_on_random_data(order: list[Hashable], data: st.DataObject) -> None:
    matrix = data.draw(reliability_data(order))
    units = to_units(matrix)
    levels: list[tuple[Level, list[Hashable] | None]] = [
        ("nominal", None),
        ("nominal", order),
        ("ordinal", order),
    ]
    for level, domain in levels:
        expected = package_alpha(matrix, level, domain)
        actual = krippendorff_alpha(units, level=level, order=domain)
        if expected is None:
            assert actual is None, (level, domain)
        else:
            assert actual == pytest.approx(expected, abs=1e-9), (level, domain)


# --- Cohen's kappa -------------------------------------------------------------------------


def table(yes_yes: int, yes_no: int, no_yes: int, no_no: int) -> list[tuple[str, str]]:
    """Pairs (rater A, rater B) from a 2x2 contingency table."""
    return (
        [("yes", "yes")] * yes_yes
        + [("yes", "no")] * yes_no
        + [("no", "yes")] * no_yes
        + [("no", "no")] * no_no
    )


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5.
        (table(20, 5, 10, 15), 0.4),
        # Wikipedia's example: p_o = 0.6, p_e = 0.54.
        (table(45, 15, 25, 15), 0.06 / 0.46),
        # Always disagreeing on two balanced values: p_o = 0, p_e = 0.5.
        (table(0, 5, 5, 0), -1.0),
        # A always says yes, B always no: p_o = p_e = 0.
        (table(0, 7, 0, 0), 0.0),
    ],
)
def test_kappa_textbook_values(pairs: list[tuple[str, str]], expected: float) -> None:
    assert cohen_kappa(pairs) == pytest.approx(expected, abs=1e-12)


def test_kappa_identical_ratings_is_one() -> None:
    ratings = ["true", "false", "mixed", "false", "true"]
    assert cohen_kappa(list(zip(ratings, ratings, strict=True))) == 1.0


def test_kappa_none_when_undefined() -> None:
    assert cohen_kappa([]) is None
    assert cohen_kappa([("true", "true")] * 4) is None  # p_e == 1


def kappa_from_confusion_matrix(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Direct float formula from a confusion matrix, independent of the module's code."""
    categories = sorted({v for pair in pairs for v in pair}, key=repr)
    index = {c: i for i, c in enumerate(categories)}
    size = len(categories)
    matrix = [[0] * size for _ in range(size)]
    for a, b in pairs:
        matrix[index[a]][index[b]] += 1
    total = len(pairs)
    if total == 0 or size == 1:  # no data, or both raters used one and the same value
        return None
    p_o = sum(matrix[i][i] for i in range(size)) / total
    rows = [sum(matrix[i]) / total for i in range(size)]
    cols = [sum(matrix[i][j] for i in range(size)) / total for j in range(size)]
    p_e = sum(r * c for r, c in zip(rows, cols, strict=True))
    return (p_o - p_e) / (1 - p_e)


ratings = st.sampled_from(LABEL_ORDER[:4])
rating_pairs = st.lists(st.tuples(ratings, ratings), max_size=40)


@settings(max_examples=200, deadline=None)
@given(pairs=rating_pairs)
def test_kappa_matches_direct_formula_and_is_symmetric(pairs: list[tuple[str, str]]) -> None:
    expected = kappa_from_confusion_matrix(pairs)
    actual = cohen_kappa(pairs)
    if expected is None:
        assert actual is None
    else:
        assert actual == pytest.approx(expected, abs=1e-9)
    assert cohen_kappa([(b, a) for a, b in pairs]) == actual


# --- Alpha and kappa for two coders without missing values ---------------------------------


def scotts_pi(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Scott's pi: like kappa but with p_e from the two raters' pooled distribution."""
    total = len(pairs)
    pooled: dict[Hashable, int] = {}
    for pair in pairs:
        for v in pair:
            pooled[v] = pooled.get(v, 0) + 1
    if total == 0 or len(pooled) == 1:
        return None
    p_e = sum((count / (2 * total)) ** 2 for count in pooled.values())
    p_o = sum(a == b for a, b in pairs) / total
    return (p_o - p_e) / (1 - p_e)


def alpha_of_two_coders(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    return krippendorff_alpha({i: list(pair) for i, pair in enumerate(pairs)}, level="nominal")


@settings(max_examples=200, deadline=None)
@given(pairs=rating_pairs.filter(bool))
def test_two_coder_alpha_is_small_sample_corrected_scotts_pi(
    pairs: list[tuple[str, str]],
) -> None:
    """Krippendorff: with two coders and no missing values, alpha = 1 - (1 - pi)(2N - 1)/(2N)."""
    pi = scotts_pi(pairs)
    alpha = alpha_of_two_coders(pairs)
    if pi is None:
        assert alpha is None
    else:
        n = 2 * len(pairs)
        assert alpha == pytest.approx(1 - (1 - pi) * (n - 1) / n, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_two_coder_alpha_and_kappa_with_equal_marginals(data: st.DataObject) -> None:
    """When both raters used each value equally often (B's ratings are a permutation of A's),
    Cohen's kappa equals Scott's pi, so alpha = 1 - (1 - kappa)(2N - 1)/(2N)."""
    first = data.draw(st.lists(ratings, min_size=1, max_size=30))
    second = data.draw(st.permutations(first))
    pairs = list(zip(first, second, strict=True))
    kappa = cohen_kappa(pairs)
    alpha = alpha_of_two_coders(pairs)
    if kappa is None:
        assert alpha is None
    else:
        n = 2 * len(pairs)
        assert alpha == pytest.approx(1 - (1 - kappa) * (n - 1) / n, abs=1e-9)
        if first == second:
            assert kappa == alpha == 1.0


# --- Flat rows ------------------------------------------------------------------------------

ROWS = [
    # (claim, reviewer, rating)
    ("c1", "bob", "true"),
    ("c1", "ann", "true"),
    ("c2", "ann", "false"),
    ("c2", "bob", "false"),
    ("c3", "ann", "true"),
    ("c3", "bob", "false"),
    ("c3", "cy", "false"),
    ("c4", "ann", "mixed"),
    ("c4", "cy", "mixed"),
    ("c5", "dee", "true"),
]


def test_units_from_ratings_groups_by_unit() -> None:
    assert units_from_ratings(ROWS) == {
        "c1": ["true", "true"],
        "c2": ["false", "false"],
        "c3": ["true", "false", "false"],
        "c4": ["mixed", "mixed"],
        "c5": ["true"],
    }
    assert krippendorff_alpha(units_from_ratings(ROWS), level="nominal") == pytest.approx(
        # n = 9 pairable values (3 true, 4 false, 2 mixed); c3 holds the only disagreements,
        # o[true, false] = o[false, true] = 2 / (3 - 1); sum of n_c * n_k over c != k is 52.
        1 - (9 - 1) * 2 / 52,
        abs=1e-12,
    )


def test_duplicate_ratings_are_rejected() -> None:
    rows = [*ROWS, ("c1", "ann", "false")]
    with pytest.raises(ValueError, match="more than once"):
        units_from_ratings(rows)
    with pytest.raises(ValueError, match="more than once"):
        pairwise_kappas(rows, min_common=1)


def test_pairwise_kappas_orders_counts_and_filters() -> None:
    # Common units: ann-bob c1 c2 c3 (3), ann-cy c3 c4 (2), bob-cy c3 (1); dee shares none.
    assert pairwise_kappas(ROWS, min_common=1) == [
        PairKappa("ann", "bob", 3, cohen_kappa(table(1, 1, 0, 1))),
        PairKappa("ann", "cy", 2, cohen_kappa([("true", "false"), ("mixed", "mixed")])),
        PairKappa("bob", "cy", 1, None),
    ]
    assert [
        (p.reviewer_a, p.reviewer_b, p.common) for p in pairwise_kappas(ROWS, min_common=2)
    ] == [
        ("ann", "bob", 3),
        ("ann", "cy", 2),
    ]
    [only] = pairwise_kappas(ROWS, min_common=3)
    assert (only.reviewer_a, only.reviewer_b, only.common) == ("ann", "bob", 3)
    assert only.kappa == pytest.approx(0.4, abs=1e-12)
    assert pairwise_kappas(ROWS, min_common=4) == []
    assert pairwise_kappas([], min_common=1) == []


def test_pairwise_kappas_orders_reviewers_by_str() -> None:
    rows = [("c1", 9, "a"), ("c1", 10, "a"), ("c2", 9, "b"), ("c2", 10, "b")]
    assert pairwise_kappas(rows, min_common=1) == [PairKappa(10, 9, 2, 1.0)]  # "10" < "9"


def test_pairwise_kappas_needs_a_positive_minimum() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        pairwise_kappas(ROWS, min_common=0)
