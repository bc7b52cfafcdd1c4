"""Has this claim been checked before? The claims most like a text, each with why.

The text is read by kind of word (``wording``: its own words, hashtags, links, handles, a
signature), turned into the database's own terms, and matched in two stages:

1. **Candidates** from the database's matching index (every field below): the claims holding
   the text's most telling terms (by weight and rarity), as many terms as keep the claims
   proposed within a budget, best first by the rarity of the terms they share.
2. **Ranking** by BM25F over each candidate's fields (its text and claimant, and what the
   database keeps beside them for matching, migration 0019: the texts of the claims linked to
   it, its published verdict's explanation and sources' titles, the titles of the articles it
   appears in), times the share of the claim the text holds (``ranking``), with term
   statistics the database keeps up to date: on PostgreSQL, tables its triggers count from
   every claim's match vector (migrations 0017 and 0019); on SQLite, FTS5's own vocabulary of
   its matching index.

3. **Semantic re-ranking**, where ``FACTCHECK_EMBEDDING_MODEL`` names a model (``embedding``):
   the text's sentence vector against the stored vectors of the best ``SEMANTIC_DEPTH``
   candidates, in one product, and the two orders fused by reciprocal rank fusion. Without a
   model, matching is lexical only.

PostgreSQL reads words with the text search configuration of each claim's language, as search
does; SQLite with FTS5's tokenizer (Porter's English stemmer for every language).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import Stemmer
from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet, TextField
from django.db.models.expressions import RawSQL

from annotations.claims import embedding, ranking, wording
from annotations.claims.models import Claim
from factcheck.db import as_uuid

CANDIDATES = 200
"""Claims the index proposes for each text before they are ranked."""

CANDIDATE_SHARE = 0.01
"""The text's terms propose candidates, most telling first, while the claims holding them add
up to no more than this share of all claims (or ``CANDIDATE_FLOOR``); the first term always
does. Common words would otherwise propose a large part of the archive to sort."""

CANDIDATE_FLOOR = 2000
"""The smallest budget of claims the terms may propose, for small archives."""

ORDERING_TERMS = 16
"""How many of the text's most telling terms order the candidates in the index stage."""

_STOP_WORDS = """
a an the of to in on for and or is are was were be been being has have had by at with that
this these those it its as from will would said says say claimed claims according reportedly
also per i me my we our you your he him his she her they them their what which who whom do
does did so than then there here just about into over after before rt via
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
"""Words a text's terms leave out on SQLite (PostgreSQL's configurations have their own
lists): they say little about which claim is meant, or only how it is reported."""


SEMANTIC_DEPTH = 100
"""How many of the lexical ranking's best claims the semantic stage re-ranks."""


@dataclass
class Match:
    """A claim that reads like the text, its score in [0, 1] and why: each matched term with
    its part of the BM25 score, and each stage's score (``semantic``: the cosine similarity of
    the sentence vectors, None without a model or a vector)."""

    claim: Claim
    score: float
    bm25: float
    terms: dict[str, float] = field(default_factory=dict)
    semantic: float | None = None

    def explanation(self) -> dict[str, Any]:
        return {
            "terms": [
                {"term": term, "weight": round(weight, 4)}
                for term, weight in sorted(self.terms.items(), key=lambda item: -item[1])
            ],
            "stages": {
                "lexical": round(self.bm25, 4),
                "semantic": None if self.semantic is None else round(self.semantic, 4),
            },
        }


@dataclass
class _Reading:
    """A text as the database's terms, with their weights, the statistics of the terms of
    the text and of its candidates, and the candidates as documents."""

    query: dict[str, float]
    statistics: ranking.Statistics
    candidates: dict[Any, ranking.Document]


def similar_claims(
    text: str, claims: QuerySet[Claim], *, limit: int, threshold: float = 0.0
) -> list[Match]:
    """The claims of ``claims`` most like ``text``, best first, with their scores."""
    reading = _read(text, claims)
    if reading is None:
        return []
    scored = [
        (pk, ranking.score(reading.query, document, reading.statistics))
        for pk, document in reading.candidates.items()
    ]
    scored = [(pk, match) for pk, match in scored if match.bm25 > 0 and match.score >= threshold]
    scored.sort(key=lambda pair: (-pair[1].rank, str(pair[0])))
    order = [pk for pk, _ in scored]
    cosines: dict[Any, float] = {}
    encoder = embedding.configured()
    if encoder is not None:
        cosines = embedding.similarities_to(encoder, text, order[:SEMANTIC_DEPTH])
        order = ranking.fuse(order, cosines)
    best = order[:limit]
    by_pk = dict(scored)
    loaded = claims.in_bulk(best)
    return [
        Match(
            loaded[pk],
            score=by_pk[pk].score,
            bm25=by_pk[pk].bm25,
            terms=by_pk[pk].terms,
            semantic=cosines.get(pk),
        )
        for pk in best
        if pk in loaded
    ]


def candidates(text: str, claims: QuerySet[Claim]) -> list[Claim]:
    """The first stage alone: the claims the index proposes for ``text``, in its order (for
    ``make bench-matching``, which measures each stage)."""
    reading = _read(text, claims)
    if reading is None:
        return []
    loaded = claims.in_bulk(list(reading.candidates))
    return [loaded[pk] for pk in reading.candidates if pk in loaded]


def _read(text: str, claims: QuerySet[Claim]) -> _Reading | None:
    """``text`` as the database's terms, and the candidates its index proposes."""
    backend = _PostgreSQL if connection.vendor == "postgresql" else _SQLite
    groups = wording.read_text(text, _tag_splitter(backend, wording.one_case_hashtags(text)))
    if not groups:
        return None
    return backend.read(groups, claims)


def _tag_splitter(backend: Any, tags: list[str]) -> Callable[[str], str]:
    """Splits hashtags of one case into the words claims use: every piece of them that,
    stemmed, is a term some claim holds, is a word."""
    if not tags:
        return lambda tag: tag
    pieces = sorted(set().union(*(wording.pieces(tag) for tag in tags)))
    stems = dict(zip(pieces, backend.stemmer().stemWords(pieces), strict=True))
    known = backend.frequencies(sorted(set(stems.values())))
    return lambda tag: wording.split_by_words(tag, lambda word: stems.get(word, "") in known)


def term_statistics(terms: list[str]) -> ranking.Statistics:
    """The number and mean length of all claims and the claims holding each of ``terms``
    (the database's terms: lexemes on PostgreSQL, FTS5's terms on SQLite), as matching reads
    them."""
    if connection.vendor == "postgresql":
        return _PostgreSQL.statistics(terms)
    return _SQLite.statistics(terms)


def telling_terms(query: dict[str, float], statistics: ranking.Statistics) -> list[str]:
    """The query's terms that propose candidates: most telling first (weight times rarity),
    each whose claims still fit in the budget; the first always."""
    held = [term for term in query if statistics.frequencies.get(term)]
    held.sort(key=lambda term: (-query[term] * statistics.idf(term), term))
    budget = max(CANDIDATE_FLOOR, CANDIDATE_SHARE * statistics.claims)
    chosen: list[str] = []
    proposed = 0
    for term in held:
        frequency = statistics.frequencies[term]
        if chosen and proposed + frequency > budget:
            continue  # a rarer term further on may still fit
        chosen.append(term)
        proposed += frequency
    return chosen


def _weighted(pairs: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Terms with the highest weight any of their occurrences has."""
    query: dict[str, float] = {}
    for term, weight in pairs:
        query[term] = max(weight, query.get(term, 0.0))
    return query


def _with_candidates_terms(
    reading: _Reading, frequencies: Callable[[list[str]], dict[str, int]]
) -> _Reading:
    """``reading`` with the statistics of every term of its candidates, which their scores in
    [0, 1] weigh."""
    known = reading.statistics.frequencies
    missing = sorted(
        {term for document in reading.candidates.values() for term in document.terms()} - set(known)
    )
    statistics = replace(reading.statistics, frequencies={**known, **frequencies(missing)})
    return replace(reading, statistics=statistics)


# --- PostgreSQL -------------------------------------------------------------------------------


class _PostgreSQL:
    """Terms as the text search configuration of each claim's language reads them, from the
    claims' match vectors, counted by the triggers of migrations 0017 and 0019."""

    @staticmethod
    def stemmer() -> Any:
        """The stemmer of PostgreSQL's ``english`` configuration (Snowball's), for the words
        of hashtags, the one place matching stems words itself."""
        return _stemmer("english")

    @classmethod
    def read(cls, groups: list[wording.WordGroup], claims: QuerySet[Claim]) -> _Reading | None:
        with connection.cursor() as cursor:
            # The text's words as each configuration in use reads them, the claims holding
            # each, and the number and length of all claims.
            cursor.execute(
                "WITH total AS (SELECT config, claims, positions "
                "FROM annotations_claimterm_total WHERE claims > 0) "
                "SELECT g.ordinality, l.lexeme, coalesce(f.claims, 0), "
                "(SELECT sum(claims)::bigint FROM total), "
                "(SELECT sum(positions)::bigint FROM total) "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS g(words, ordinality) "
                "CROSS JOIN total "
                "CROSS JOIN LATERAL unnest(to_tsvector(total.config::regconfig, g.words)) AS l "
                "LEFT JOIN annotations_claimterm_frequency f ON f.term = l.lexeme",
                [[group.text for group in groups]],
            )
            rows = cursor.fetchall()
        if not rows:
            return None
        _, _, _, count, positions = rows[0]
        statistics = ranking.Statistics(
            claims=count,
            average_length=positions / max(count, 1),
            frequencies={lexeme: frequency for _, lexeme, frequency, _, _ in rows},
        )
        query = _weighted(
            (lexeme, groups[ordinality - 1].weight) for ordinality, lexeme, *_ in rows
        )
        terms = telling_terms(query, statistics)
        if not terms:
            return None
        reading = _Reading(query, statistics, cls.candidates(terms, query, statistics, claims))
        return _with_candidates_terms(reading, cls.frequencies)

    @staticmethod
    def candidates(
        terms: list[str],
        query: dict[str, float],
        statistics: ranking.Statistics,
        claims: QuerySet[Claim],
    ) -> dict[Any, ranking.Document]:
        """The claims holding any of ``terms``, those sharing the most telling first."""
        ordering = " + ".join(
            ["(CASE WHEN annotations_claim.match_vector @@ %s::tsquery THEN %s ELSE 0 END)"]
            * min(len(terms), ORDERING_TERMS)
        )
        ordering_params: list[Any] = []
        for term in terms[:ORDERING_TERMS]:
            ordering_params += [_lexeme(term), query[term] * statistics.idf(term)]
        rows = (
            claims.filter(
                RawSQL(
                    "annotations_claim.match_vector @@ %s::tsquery",
                    [" | ".join(map(_lexeme, terms))],
                    BooleanField(),
                )
            )
            .annotate(
                rough=RawSQL(ordering, ordering_params, FloatField()),  # noqa: S611
                vector=RawSQL(
                    "(SELECT coalesce(json_agg(json_build_array(lexeme, weights)), '[]')::text "
                    "FROM unnest(annotations_claim.match_vector))",
                    [],
                    TextField(),
                ),
            )
            .order_by("-rough", "id")
            .values_list("id", "vector")[:CANDIDATES]
        )
        return {pk: _vector_document(vector) for pk, vector in rows}

    @classmethod
    def statistics(cls, terms: list[str]) -> ranking.Statistics:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(sum(claims), 0)::bigint, coalesce(sum(positions), 0)::bigint "
                "FROM annotations_claimterm_total"
            )
            count, positions = cursor.fetchone()
        return ranking.Statistics(count, positions / max(count, 1), cls.frequencies(terms))

    @staticmethod
    def frequencies(terms: list[str]) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term, claims FROM annotations_claimterm_frequency WHERE term = ANY(%s)",
                [terms],
            )
            return dict(cursor.fetchall())


FIELDS_BY_WEIGHT = {"A": "text", "B": "related", "C": "claimant", "D": "background"}
"""The fields of a claim's match vector, by the weight of their positions (migration 0019)."""


def _vector_document(vector: str) -> ranking.Document:
    """A claim's match vector (lexemes with the weights of their positions; as JSON) as a
    document."""
    fields: dict[str, Counter[str]] = {name: Counter() for name in FIELDS_BY_WEIGHT.values()}
    for lexeme, weights in json.loads(vector):
        for weight in weights:
            fields[FIELDS_BY_WEIGHT[weight]][lexeme] += 1
    return ranking.Document(fields)


def _lexeme(term: str) -> str:
    """``term`` as a tsquery operand, taken as it is."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


# --- SQLite -------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")
SQLITE_PARAMETERS = 900
"""Terms per statement, within SQLite's oldest bound on a statement's parameters."""


@cache
def _stemmer(algorithm: str) -> Any:
    return Stemmer.Stemmer(algorithm)


def sqlite_terms(text: str) -> list[tuple[str, str]]:
    """``text``'s words (but stop words) and their terms as the FTS5 index of claims reads
    them (``porter unicode61 remove_diacritics 2``)."""
    words = [word for word in _TOKEN.findall(wording.fold(text)) if word not in STOP_WORDS]
    return list(zip(words, _SQLite.stemmer().stemWords(words), strict=True))


SQLITE_COLUMNS = ("text", "claimant", "related", "background")
"""The columns of the FTS5 matching index, ``annotations_claim_match`` (migration 0019)."""


def _sqlite_document(*columns: str) -> ranking.Document:
    return ranking.Document(
        {
            name: Counter(term for _, term in sqlite_terms(value))
            for name, value in zip(SQLITE_COLUMNS, columns, strict=True)
        }
    )


class _SQLite:
    """Terms as FTS5's tokenizer reads them, read here the same way (PyStemmer's Porter
    stemmer), and the statistics FTS5 keeps of the matching index."""

    @staticmethod
    def stemmer() -> Any:
        """FTS5's ``porter`` tokenizer's stemmer: Porter's original algorithm."""
        return _stemmer("porter")

    @classmethod
    def read(cls, groups: list[wording.WordGroup], claims: QuerySet[Claim]) -> _Reading | None:
        read = [
            (word, term, group.weight)
            for group in groups
            for word, term in sqlite_terms(group.text)
        ]
        query = _weighted((term, weight) for _, term, weight in read)
        if not query:
            return None
        statistics = cls.statistics(list(query))
        terms = telling_terms(query, statistics)
        if not terms:
            return None
        # A word each term was read from: FTS5 stems the words of a MATCH itself.
        words = {term: word for word, term, _ in read}
        scope, scope_params = claims.order_by().values("pk").query.sql_with_params()
        weights = ", ".join(str(ranking.FIELD_WEIGHTS[name]) for name in SQLITE_COLUMNS)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT annotations_claim.id, m.text, m.claimant, m.related, "  # noqa: S608
                "m.background FROM annotations_claim_match AS m "
                "JOIN annotations_claim ON annotations_claim.rowid = m.rowid "
                f"WHERE annotations_claim_match MATCH %s AND annotations_claim.id IN ({scope}) "
                f"ORDER BY bm25(annotations_claim_match, {weights}) LIMIT %s",
                [" OR ".join(f'"{words[term]}"' for term in terms), *scope_params, CANDIDATES],
            )
            rows = cursor.fetchall()
        candidates = {as_uuid(pk): _sqlite_document(*columns) for pk, *columns in rows}
        return _with_candidates_terms(_Reading(query, statistics, candidates), cls.frequencies)

    @classmethod
    def statistics(cls, terms: list[str]) -> ranking.Statistics:
        """The number and mean length of all claims, and the claims holding each term."""
        first, rest = terms[:SQLITE_PARAMETERS], terms[SQLITE_PARAMETERS:]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT (SELECT count(*) FROM annotations_claim), "  # noqa: S608
                "(SELECT coalesce(sum(cnt), 0) FROM annotations_claim_match_columns "
                "WHERE col IN ('text', 'claimant')), "
                "(SELECT json_group_object(term, doc) FROM annotations_claim_match_terms "
                f"WHERE term IN ({', '.join(['%s'] * len(first))}))",
                first,
            )
            count, length, found = cursor.fetchone()
        frequencies = {**json.loads(found), **cls.frequencies(rest)}
        return ranking.Statistics(count, length / max(count, 1), frequencies)

    @staticmethod
    def frequencies(terms: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        with connection.cursor() as cursor:
            for start in range(0, len(terms), SQLITE_PARAMETERS):
                batch = terms[start : start + SQLITE_PARAMETERS]
                cursor.execute(
                    "SELECT term, doc FROM annotations_claim_match_terms "  # noqa: S608
                    f"WHERE term IN ({', '.join(['%s'] * len(batch))})",
                    batch,
                )
                found.update(cursor.fetchall())
        return found
