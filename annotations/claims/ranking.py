"""How well a claim matches a text: BM25 over the claim's fields, with the text's words
weighted by kind (``wording``), and a score in [0, 1] that says how much of the claim the text
holds.

Pure functions over terms and counts (no Django): ``matching`` reads the terms and their
statistics from the database, and ``docs/search.md`` records how the constants were measured.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

K1 = 1.2
"""BM25's saturation of a term repeated in a claim."""
B = 0.75
"""BM25's normalisation by the claim's length."""
FIELD_WEIGHTS = {"text": 1.0, "related": 0.5, "claimant": 0.5, "background": 0.25}
"""How much a term counts in each field of a claim (BM25F): the text says what, the claimant
who; ``related`` holds the texts of the claims linked to it and the titles of its published
verdict's sources (an imported fact-check's headline), ``background`` the verdict's
explanation and the titles of the articles the claim appears in (migration 0019)."""

OWN_FIELDS = ("text", "claimant")
"""The claim itself: its length, and what its score in [0, 1] is a share of. A long
explanation adds terms that may match, but does not make the claim longer or its share
smaller."""


@dataclass(frozen=True)
class Statistics:
    """What the database knows of all claims: their number, their mean length in terms, and
    in how many claims each of the wanted terms is."""

    claims: int
    average_length: float
    frequencies: Mapping[str, int]

    def idf(self, term: str) -> float:
        """BM25's inverse document frequency (Lucene's form, never negative); 0 for a term no
        claim holds."""
        frequency = self.frequencies.get(term, 0)
        if not frequency:
            return 0.0
        return math.log(1 + (self.claims - frequency + 0.5) / (frequency + 0.5))


@dataclass(frozen=True)
class Document:
    """A claim as terms: how often each occurs in each field."""

    fields: Mapping[str, Mapping[str, int]]

    def frequency(self, term: str, fields: Iterable[str] = FIELD_WEIGHTS) -> float:
        return sum(FIELD_WEIGHTS[name] * self.fields.get(name, {}).get(term, 0) for name in fields)

    def terms(self, fields: Iterable[str] = FIELD_WEIGHTS) -> set[str]:
        return {term for name in fields for term in self.fields.get(name, {})}

    def length(self) -> float:
        """The claim's own length: its text's and claimant's terms."""
        return sum(sum(self.fields.get(name, {}).values()) for name in OWN_FIELDS)


@dataclass
class Scored:
    """A claim's match: its BM25 score, its score in [0, 1], and each matched term's part."""

    bm25: float
    score: float
    terms: dict[str, float] = field(default_factory=dict)

    @property
    def rank(self) -> float:
        """The order of matches: BM25 times the share of the claim matched. BM25 alone
        favours claims that share many terms with a long post; the share alone, short claims
        that share a few (docs/search.md compares them)."""
        return self.bm25 * self.score


def score(query: Mapping[str, float], document: Document, statistics: Statistics) -> Scored:
    """BM25F of ``document`` for the weighted ``query`` terms, and the share of the claim's
    own BM25 weight (its text's and claimant's) that the query holds (``score``): 1 when every
    term of the claim is in the text at full weight, whatever else the text says, so that a
    long post quoting a short claim scores high, and a claim sharing only a date or a name with
    it scores low."""
    norm = K1 * (1 - B + B * document.length() / max(statistics.average_length, 1.0))

    def part(term: str, fields: Iterable[str] = FIELD_WEIGHTS) -> float:
        frequency = document.frequency(term, fields)
        return statistics.idf(term) * frequency * (K1 + 1) / (frequency + norm)

    matched = {term: weight * found for term, weight in query.items() if (found := part(term)) > 0}
    own = {term: part(term, OWN_FIELDS) for term in document.terms(OWN_FIELDS)}
    whole = sum(own.values())
    held = sum(weight * own[term] for term, weight in query.items() if term in own)
    return Scored(bm25=sum(matched.values()), score=held / whole if whole else 0.0, terms=matched)


FUSION_K = 60
"""Reciprocal rank fusion's constant (Cormack, Clarke and Büttcher, 2009): a claim's fused
score is the sum over the stages of 1 / (FUSION_K + its rank in the stage)."""


def fuse(order: list[Hashable], cosines: Mapping[Hashable, float]) -> list[Hashable]:
    """``order`` (the lexical ranking) with its claims that have a cosine similarity re-ranked
    by reciprocal rank fusion of the two orders; a claim without one keeps only its lexical
    part. Claims past the re-ranked ones stay in their lexical order after them."""
    if not cosines:
        return order
    lexical_rank = {pk: rank for rank, pk in enumerate(order, 1)}
    depth = max(lexical_rank[pk] for pk in cosines)
    semantic_rank = {
        pk: rank
        for rank, pk in enumerate(sorted(cosines, key=lambda pk: (-cosines[pk], str(pk))), 1)
    }

    def fused(pk: Hashable) -> float:
        semantic = 1 / (FUSION_K + semantic_rank[pk]) if pk in semantic_rank else 0.0
        return 1 / (FUSION_K + lexical_rank[pk]) + semantic

    return sorted(order[:depth], key=lambda pk: -fused(pk)) + order[depth:]
