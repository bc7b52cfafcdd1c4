"""Inter-rater agreement for reviewers' ratings of claims.

Pure standard library. Sums are kept as exact fractions and only the final coefficient is
converted to ``float``, so "undefined" (a zero denominator) is decided exactly rather than by
comparing floats with zero.

Vocabulary follows Krippendorff: a *unit* is what gets rated (a claim), a *coder* is who rates
it (a reviewer) and a *value* is the rating given.

``None`` means "the coefficient is undefined for this data", never "no agreement":

* Krippendorff's alpha is undefined when no unit has two or more values (nothing is pairable)
  or when the expected disagreement is 0, i.e. every pairable value is the same single value.
  The ``krippendorff`` package raises ``ValueError`` in the first case (and whenever its value
  domain has fewer than two values) and returns ``nan`` after a 0/0 division, with a
  ``RuntimeWarning``, in the second. We return ``None`` in all of these cases instead, so
  callers (and JSON) get one explicit "not computable" value rather than an exception or a
  ``nan``.
* Cohen's kappa is undefined when there are no pairs or when the expected agreement is 1, i.e.
  both raters used one and the same single value for every item.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from typing import Generic, Literal, TypeVar

__all__ = [
    "Level",
    "PairKappa",
    "cohen_kappa",
    "krippendorff_alpha",
    "pairwise_kappas",
    "units_from_ratings",
]

U = TypeVar("U", bound=Hashable)  # unit, e.g. a claim id
C = TypeVar("C", bound=Hashable)  # coder, e.g. a reviewer id
V = TypeVar("V", bound=Hashable)  # value, e.g. a rating slug

Level = Literal["nominal", "ordinal"]


def krippendorff_alpha(
    units: Mapping[U, Sequence[V]],
    *,
    level: Level,
    order: Sequence[V] | None = None,
) -> float | None:
    """Krippendorff's alpha for ``units``, each mapped to the values its coders gave it.

    A unit holds one value per coder who rated it; coders who did not rate it are simply
    absent. Units with fewer than two values are not pairable and do not count.

    ``level="nominal"``: any two different values disagree by 1. ``level="ordinal"``: ``order``
    lists every possible value from lowest to highest, and two values c and k disagree by
    Krippendorff's ordinal metric ``(sum of n_g for g from c to k - (n_c + n_k) / 2) ** 2``,
    where n_g counts the pairable values equal to g. For ``nominal``, ``order`` is optional
    and, when given, only checks that every value belongs to it.

    Computes ``1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck)`` from the coincidence
    matrix o, as the ``krippendorff`` package does. Returns ``None`` when alpha is undefined
    (see the module docstring). Raises ``ValueError`` for an unknown level, a missing
    ``order`` at the ordinal level, an ``order`` that repeats a value, or a value outside it.
    """
    if level not in ("nominal", "ordinal"):
        raise ValueError(f"Unknown level of measurement: {level!r}.")
    if order is None:
        if level == "ordinal":
            raise ValueError("The ordinal level needs `order`: the values, lowest first.")
    else:
        if len(set(order)) != len(order):
            raise ValueError("`order` lists a value more than once.")
        known = set(order)
        for values in units.values():
            unknown = [value for value in values if value not in known]
            if unknown:
                raise ValueError(f"Value {unknown[0]!r} is not in `order`.")

    coincidences = _coincidences(units.values())
    totals: dict[V, Fraction] = {}  # n_c: the number of pairable values equal to c
    for (c, _), o_ck in coincidences.items():
        totals[c] = totals.get(c, Fraction(0)) + o_ck
    n = sum(totals.values())

    if level == "ordinal" and order is not None:  # order is never None here (checked above)
        distance = _ordinal_distances(order, totals)
    else:
        distance = _nominal_distances(totals)

    observed = sum(o_ck * distance[c, k] for (c, k), o_ck in coincidences.items())
    expected = sum(totals[c] * totals[k] * d_ck for (c, k), d_ck in distance.items())
    if expected == 0:
        return None
    return float(1 - (n - 1) * Fraction(observed) / expected)


def _coincidences(units: Iterable[Sequence[V]]) -> dict[tuple[V, V], Fraction]:
    """Coincidence matrix ``o[c, k]``: over units with m >= 2 values, the number of ordered
    pairs of values (c, k) from different coders of the same unit, each weighted 1 / (m - 1).
    Zero cells are left out."""
    matrix: dict[tuple[V, V], Fraction] = {}
    for values in units:
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    matrix[c, k] = matrix.get((c, k), Fraction(0)) + Fraction(pairs, m - 1)
    return matrix


def _nominal_distances(totals: Mapping[V, Fraction]) -> dict[tuple[V, V], Fraction]:
    """Squared nominal distance between every two values that occur: 0 if equal, else 1."""
    return {(c, k): Fraction(c != k) for c in totals for k in totals}


def _ordinal_distances(
    order: Sequence[V], totals: Mapping[V, Fraction]
) -> dict[tuple[V, V], Fraction]:
    """Squared ordinal distance between every two values that occur: the pairable values
    ranked from c to k inclusive, minus half of the values at each end, squared."""
    rank = {value: i for i, value in enumerate(order)}
    cumulative = [Fraction(0)]  # cumulative[i] = sum of n_g over the i lowest values
    for value in order:
        cumulative.append(cumulative[-1] + totals.get(value, Fraction(0)))
    distances: dict[tuple[V, V], Fraction] = {}
    for c in totals:
        for k in totals:
            low, high = sorted((rank[c], rank[k]))
            between = cumulative[high + 1] - cumulative[low]
            distances[c, k] = (between - (totals[c] + totals[k]) / 2) ** 2
    return distances


def cohen_kappa(pairs: Iterable[tuple[V, V]]) -> float | None:
    """Cohen's kappa of two raters, from one (rating by A, rating by B) pair per item both
    rated: ``(p_o - p_e) / (1 - p_e)`` with p_o the share of items they agree on and p_e the
    agreement expected from each rater's own distribution of ratings.

    Returns ``None`` when kappa is undefined: no pairs, or p_e == 1 (both raters used one and
    the same value for every item).
    """
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return None
    observed = Fraction(sum(a == b for a, b in pairs), n)
    by_a = Counter(a for a, _ in pairs)
    by_b = Counter(b for _, b in pairs)
    expected = Fraction(sum(count * by_b[value] for value, count in by_a.items()), n * n)
    if expected == 1:
        return None
    return float((observed - expected) / (1 - expected))


@dataclass(frozen=True)
class PairKappa(Generic[C]):
    """Cohen's kappa of two coders over the ``common`` units both rated; ``kappa`` is ``None``
    when undefined (see :func:`cohen_kappa`)."""

    reviewer_a: C
    reviewer_b: C
    common: int
    kappa: float | None


def units_from_ratings(rows: Iterable[tuple[U, C, V]]) -> dict[U, list[V]]:
    """Group flat ``(unit, coder, value)`` rows into ``{unit: [values]}``, the input of
    :func:`krippendorff_alpha`, in the order rows are given.

    Raises ``ValueError`` if a coder rated the same unit twice (one verdict per reviewer per
    claim), since counting both would fake agreement.
    """
    units: dict[U, list[V]] = {}
    seen: set[tuple[U, C]] = set()
    for unit, coder, value in rows:
        if (unit, coder) in seen:
            raise ValueError(f"Coder {coder!r} rated unit {unit!r} more than once.")
        seen.add((unit, coder))
        units.setdefault(unit, []).append(value)
    return units


def pairwise_kappas(rows: Iterable[tuple[U, C, V]], *, min_common: int) -> list[PairKappa[C]]:
    """Cohen's kappa for every pair of coders who rated at least ``min_common`` (>= 1) units
    in common, from flat ``(unit, coder, value)`` rows.

    Each pair is reported once with ``str(reviewer_a) <= str(reviewer_b)``, and the list is
    sorted by ``(str(reviewer_a), str(reviewer_b))``. Raises ``ValueError`` if
    ``min_common < 1`` or a coder rated the same unit twice.
    """
    if min_common < 1:
        raise ValueError("min_common must be at least 1.")
    by_coder: dict[C, dict[U, V]] = {}
    for unit, coder, value in rows:
        rated = by_coder.setdefault(coder, {})
        if unit in rated:
            raise ValueError(f"Coder {coder!r} rated unit {unit!r} more than once.")
        rated[unit] = value

    result: list[PairKappa[C]] = []
    for a, b in combinations(sorted(by_coder, key=str), 2):
        common = by_coder[a].keys() & by_coder[b].keys()
        if len(common) >= min_common:
            pairs = [(by_coder[a][unit], by_coder[b][unit]) for unit in common]
            result.append(PairKappa(a, b, len(common), cohen_kappa(pairs)))
    return result
