"""Has this claim been checked before? The claims most like a text: candidates from an index
of claim words (PostgreSQL: a GIN index and its statistics; SQLite: FTS5), scored by
``similarity``."""

from __future__ import annotations

import itertools

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from annotations.claims.models import Claim
from annotations.claims.similarity import STOP_WORDS, claim_words, similarity
from factcheck.db import as_uuid

CANDIDATES = 50
"""Claims the index proposes for each text before they are scored."""

RARE_WORDS = 4
"""A candidate shares at least two of the text's four rarest words (so a paraphrase that drops
or changes one of them is still found), or any of its rare words (``RARE_FREQUENCY``)."""

RARE_FREQUENCY = 0.001
"""A word in fewer claims than this share proposes candidates on its own; commoner words only
in pairs, so that their thousands of claims are not all scored."""

PAIRS_SHARE = 0.05
"""Pairs of the rarest words propose candidates, rarest pair first, while the claims they may
match (at most as many as hold the pair's rarer word) add up to no more than this share of the
table; the first pair always does. Words that go together (a template's "spends ... more")
would otherwise propose tens of thousands of claims to rank (340 ms for 25,000). In
``make bench-search``, 0.01 lost 8 of 200 paraphrases; 0.05 finds all 200 (docs/search.md)."""

CLAIM_WORDS = "to_tsvector('simple'::regconfig, annotations_claim.text)"
"""A claim's words as the GIN index of migration 0014 holds them."""


def similar_claims(
    text: str, claims: QuerySet[Claim], *, limit: int, threshold: float = 0.0
) -> list[tuple[Claim, float]]:
    """The claims of ``claims`` most like ``text``, best first, with their similarity."""
    if not claim_words(text):
        return []
    if connection.vendor == "postgresql":
        candidates = _postgresql_candidates(text, claims)
    else:
        candidates = _sqlite_candidates(text, claims)
    scored = [(claim, similarity(text, claim.text)) for claim in candidates]
    scored = [(claim, score) for claim, score in scored if score >= threshold]
    scored.sort(key=lambda pair: (-pair[1], str(pair[0].pk)))
    return scored[:limit]


def _postgresql_candidates(text: str, claims: QuerySet[Claim]) -> list[Claim]:
    """The claims sharing most words with ``text`` among those that share at least two of its
    rarest words, by the frequencies PostgreSQL's statistics keep of the words index."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, frequency FROM unnest(tsvector_to_array("
            "to_tsvector('simple'::regconfig, %s))) AS word LEFT JOIN ("
            # Words of the most common elements; any other word is rarer than all of them.
            "  SELECT unnest(most_common_elems::text::text[]) AS common,"
            "  unnest(most_common_elem_freqs) AS frequency FROM pg_stats"
            "  WHERE schemaname = current_schema() AND tablename = 'annotations_claim_words_idx'"
            ") AS stats ON common = word",
            [text],
        )
        frequencies = {word: frequency or 0.0 for word, frequency in cursor.fetchall()}
    words = [word for word in frequencies if word not in STOP_WORDS] or list(frequencies)
    if not words:
        return []
    wanted = candidate_query({word: frequencies[word] for word in words})
    shared = " | ".join(map(_lexeme, words))
    return list(
        claims.filter(RawSQL(f"{CLAIM_WORDS} @@ %s::tsquery", [wanted], BooleanField()))  # noqa: S611
        .annotate(shared=RawSQL(f"ts_rank({CLAIM_WORDS}, %s::tsquery)", [shared], FloatField()))  # noqa: S611
        .order_by("-shared", "id")[:CANDIDATES]
    )


def candidate_query(frequencies: dict[str, float]) -> str:
    """The tsquery whose matches are the candidates for a text of these words (with the share
    of claims holding each, 0 where unknown): pairs of its rarest words, and its rare words."""
    # Without statistics yet (a new table), a longer word is the likelier to be rare.
    rarest = sorted(frequencies, key=lambda word: (frequencies[word], -len(word), word))
    pairs: list[str] = []
    share = 0.0
    # In the order of the rarer word of each pair: the rarest word's pairs first.
    for one, other in itertools.combinations(rarest[:RARE_WORDS], 2):
        share += frequencies[one]
        if pairs and share > PAIRS_SHARE:
            break
        pairs.append(f"({_lexeme(one)} & {_lexeme(other)})")
    rare = [_lexeme(word) for word in rarest if frequencies[word] < RARE_FREQUENCY]
    return " | ".join([*pairs, *rare]) or _lexeme(rarest[0])


def _lexeme(word: str) -> str:
    """``word`` as a tsquery operand, taken as it is."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _sqlite_candidates(text: str, claims: QuerySet[Claim]) -> list[Claim]:
    """The claims sharing any word with ``text``, best first by bm25."""
    words = sorted(set(claim_words(text).split()))
    scope, scope_params = claims.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT annotations_claim.id FROM annotations_claim_fts "  # noqa: S608
            "JOIN annotations_claim ON annotations_claim.rowid = annotations_claim_fts.rowid "
            f"WHERE annotations_claim_fts MATCH %s AND annotations_claim.id IN ({scope}) "
            "ORDER BY bm25(annotations_claim_fts) LIMIT %s",
            [" OR ".join(f'"{word}"' for word in words), *scope_params, CANDIDATES],
        )
        ids = [as_uuid(pk) for (pk,) in cursor.fetchall()]
    return list(claims.filter(pk__in=ids))
