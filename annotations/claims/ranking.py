"""How well a claim matches a text: BM25 over the claim's fields, with the text's words
weighted by kind (``wording``), and a score in [0, 1] that says how much of the claim the text
holds.

Pure functions over terms and counts (no Django): ``matching`` reads the terms and their
statistics from the database, and ``docs/search.md`` records how the constants were measured.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

K1 = 1.2
"""BM25's saturation of a term repeated in a claim."""
B = 0.75
"""BM25's normalisation by the claim's length."""
FIELD_WEIGHTS = {"text": 1.0, "claimant": 0.5}
"""How much a term counts in each field of a claim (BM25F): the claimant says who, the text
what."""


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

    def frequency(self, term: str) -> float:
        return sum(
            FIELD_WEIGHTS[name] * counts.get(term, 0) for name, counts in self.fields.items()
        )

    def terms(self) -> set[str]:
        return {term for counts in self.fields.values() for term in counts}

    def length(self) -> float:
        return sum(sum(counts.values()) for counts in self.fields.values())


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
    own BM25 weight that the query holds (``score``): 1 when every term of the claim is in the
    text at full weight, whatever else the text says, so that a long post quoting a short claim
    scores high, and a claim sharing only a date or a name with it scores low."""
    norm = K1 * (1 - B + B * document.length() / max(statistics.average_length, 1.0))

    def part(term: str) -> float:
        frequency = document.frequency(term)
        return statistics.idf(term) * frequency * (K1 + 1) / (frequency + norm)

    parts = {term: part(term) for term in document.terms()}
    matched = {term: weight * parts[term] for term, weight in query.items() if parts.get(term)}
    whole = sum(parts.values())
    bm25 = sum(matched.values())
    return Scored(bm25=bm25, score=bm25 / whole if whole else 0.0, terms=matched)
