"""How alike two claims read: the measure behind "has this claim been checked before?".

Pure functions (no Django), shared by ``annotations.search`` and
``scripts/eval_claim_similarity.py``, which measured the choice on
``tests/data/claim_paraphrases.json`` (see docs/search.md).
"""

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "by",
        "at",
        "with",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "as",
        "from",
        "will",
        "would",
        "said",
        "says",
        "say",
        "claimed",
        "claims",
        "according",
        "reportedly",
        "also",
        "per",
    ]
)
"""Words that say little about which claim is meant, or only how it is reported. Negations
and comparatives (not, more, than) stay: they change the claim."""


def claim_words(text: str) -> str:
    """``text`` as matching compares it: lower case, punctuation gone, stop words out."""
    return " ".join(word for word in default_process(text).split() if word not in STOP_WORDS)


def similarity(first: str, second: str) -> float:
    """How alike two claims read, in [0, 1]: the mean of rapidfuzz's token sort ratio (word
    order ignored) and token set ratio (extra words ignored) over :func:`claim_words`; see
    docs/search.md for the measured choice."""
    a, b = claim_words(first), claim_words(second)
    return (fuzz.token_sort_ratio(a, b) + fuzz.token_set_ratio(a, b)) / 200
