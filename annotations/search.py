"""Full-text search over articles and claims, and matching of claims checked before.

One API over two engines, both kept up to date by the database (migration 0013):

- PostgreSQL: each row's ``search_vector`` in the text search configuration of its language,
  queried with ``websearch_to_tsquery``, ranked by ``ts_rank``, snippets by ``ts_headline``;
  claim matching takes its candidates from a pg_trgm index.
- SQLite: FTS5 tables, queried with the same syntax translated (:func:`fts5_query`), ranked
  by ``bm25``, snippets by FTS5's ``snippet``; claim matching takes its candidates from FTS5.

The query syntax is a search box's, as ``websearch_to_tsquery`` reads it: words (all must
occur), ``"quoted phrases"``, ``-excluded`` words and ``OR`` between alternatives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from annotations.models import Article, Claim
from annotations.similarity import claim_words, similarity

SEARCH_CONFIGS = [
    *("arabic", "danish", "dutch", "english", "finnish", "french", "german", "greek"),
    *("hungarian", "indonesian", "italian", "lithuanian", "nepali", "norwegian", "portuguese"),
    *("romanian", "russian", "simple", "spanish", "swedish", "tamil", "turkish"),
]
"""Every text search configuration ``factcheck_search_config`` (migration 0013) returns."""

MARK_START, MARK_END = "\x02", "\x03"

TITLE_WEIGHT = 4.0
"""How much more a word in an article's title (or a claim's text) counts than one in its
body (or the claimant's name), on SQLite; PostgreSQL's weights A and B differ as much."""


class QuerySyntaxError(ValueError):
    """A search query that asks for nothing to be found."""


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    excluded: bool = False


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse(query: str) -> list[list[Term]]:
    """The query as clauses that must all hold, each a list of alternatives (``OR``).

    ``-word`` and ``-"a phrase"`` exclude; ``OR`` joins the terms on either side; a quote left
    open runs to the end, as ``websearch_to_tsquery`` reads it."""
    clauses: list[list[Term]] = []
    join_next = False
    for match in _TOKEN.finditer(query):
        negation, quoted, word = match.groups()
        if word is not None and word.upper() == "OR":
            join_next = bool(clauses)
            continue
        if quoted is not None:
            term = Term(quoted, phrase=True, excluded=bool(negation))
        else:
            excluded = word.startswith("-") and len(word) > 1
            term = Term(word[1:] if excluded else word, excluded=excluded)
        if not re.search(r"\w", term.text):
            continue
        if join_next and not term.excluded and not clauses[-1][0].excluded:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
    if not any(not clause[0].excluded for clause in clauses):
        raise QuerySyntaxError("Give at least one word to find; excluded words only narrow.")
    return clauses


def fts5_query(query: str) -> str:
    """``query`` in FTS5's query language: each term a string, clauses joined by ``AND``,
    exclusions by ``NOT``."""

    def string(term: Term) -> str:
        return '"' + term.text.replace('"', '""') + '"'

    clauses = parse(query)
    kept = [
        "(" + " OR ".join(string(term) for term in clause) + ")"
        for clause in clauses
        if not clause[0].excluded
    ]
    excluded = [string(clause[0]) for clause in clauses if clause[0].excluded]
    return " AND ".join(kept) + "".join(f" NOT {term}" for term in excluded)


@dataclass(frozen=True)
class Hit:
    kind: str  # "article" or "claim"
    id: UUID
    score: float


def _sqlite_from_where(table: str, query: str) -> tuple[str, str, str, list[Any]]:
    fts = f"{table}_fts"
    return (
        f"{fts} JOIN {table} ON {table}.rowid = {fts}.rowid",
        f"{fts} MATCH %s",
        f"-bm25({fts}, {TITLE_WEIGHT}, 1.0)",
        [fts5_query(query)],
    )


def _postgresql_from_where(table: str, query: str) -> tuple[str, str, str, list[Any]]:
    # One branch per configuration, so that each can use the GIN index.
    branches = " OR ".join(
        f"(factcheck_search_config({table}.language) = '{config}'::regconfig "
        f"AND {table}.search_vector @@ websearch_to_tsquery('{config}'::regconfig, %s))"
        for config in SEARCH_CONFIGS
    )
    parse(query)  # the same errors on both databases
    score = (
        f"ts_rank({table}.search_vector, "
        f"websearch_to_tsquery(factcheck_search_config({table}.language), %s), 1)"
    )
    return table, f"({branches})", score, [query] * len(SEARCH_CONFIGS) + [query]


def _ranked(kind: str, rows: QuerySet[Any], query: str) -> tuple[str, list[Any]]:
    """SQL selecting ``(kind, id, score)`` of the rows of ``rows`` that match ``query``."""
    table = rows.model._meta.db_table
    if connection.vendor == "postgresql":
        source, condition, score, params = _postgresql_from_where(table, query)
        # The score's parameter comes first in the SELECT list.
        params = params[-1:] + params[:-1]
    else:
        source, condition, score, params = _sqlite_from_where(table, query)
    # Unordered: the model's default ordering would sort every visible row for nothing.
    scope, scope_params = rows.order_by().values("pk").query.sql_with_params()
    return (
        f"SELECT '{kind}' AS kind, {table}.id AS id, {score} AS score FROM {source} "  # noqa: S608
        f"WHERE {condition} AND {table}.id IN ({scope})",
        [*params, *scope_params],
    )


def _union(
    query: str, articles: QuerySet[Article] | None, claims: QuerySet[Claim] | None
) -> tuple[str, list[Any]]:
    """SQL of every match of ``query`` among ``articles`` and ``claims`` (``None`` leaves a
    kind out) as ``(kind, id, score)`` rows."""
    parts = [
        _ranked(kind, rows, query)
        for kind, rows in (("article", articles), ("claim", claims))
        if rows is not None
    ]
    return (
        " UNION ALL ".join(sql for sql, _ in parts),
        [param for _, part_params in parts for param in part_params],
    )


def count(query: str, *, articles: QuerySet[Article] | None, claims: QuerySet[Claim] | None) -> int:
    """How many of ``articles`` and ``claims`` match ``query``."""
    union, params = _union(query, articles, claims)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({union}) AS hits", params)  # noqa: S608
        return int(cursor.fetchone()[0])


def page(
    query: str,
    *,
    articles: QuerySet[Article] | None,
    claims: QuerySet[Claim] | None,
    offset: int,
    limit: int,
) -> list[Hit]:
    """The matches of ``query`` from ``offset``, best first (ties by kind, then id)."""
    union, params = _union(query, articles, claims)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind, id, score FROM ({union}) AS hits "  # noqa: S608
            "ORDER BY score DESC, kind, id LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [Hit(kind, _uuid(pk), float(score)) for kind, pk, score in cursor.fetchall()]


def _uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


def snippets(query: str, hits: Sequence[Hit]) -> dict[tuple[str, UUID], str]:
    """For each hit, its text around the matched words, HTML-escaped, the words marked with
    ``<mark>``: an article's body (or its start), a claim's whole text."""
    found: dict[tuple[str, UUID], str] = {}
    for kind, table, column in (
        ("article", "annotations_article", "body"),
        ("claim", "annotations_claim", "text"),
    ):
        ids = [hit.id for hit in hits if hit.kind == kind]
        if not ids:
            continue
        whole = kind == "claim"
        if connection.vendor == "postgresql":
            options = (
                f"StartSel={MARK_START}, StopSel={MARK_END}, "
                + ("HighlightAll=true" if whole else "MaxWords=35, MinWords=15, MaxFragments=2")
                + ', FragmentDelimiter=" … "'
            )
            sql = (
                f"SELECT id, ts_headline(factcheck_search_config(language), {column}, "  # noqa: S608
                f"websearch_to_tsquery(factcheck_search_config(language), %s), %s) "
                f"FROM {table} WHERE id = ANY(%s)"
            )
            params: list[Any] = [query, options, ids]
        else:
            fts = f"{table}_fts"
            marked = (
                f"highlight({fts}, 0, char(2), char(3))"
                if whole
                else f"snippet({fts}, 1, char(2), char(3), '…', 32)"
            )
            placeholders = ", ".join(["%s"] * len(ids))
            sql = (
                f"SELECT {table}.id, {marked} FROM {fts} "  # noqa: S608
                f"JOIN {table} ON {table}.rowid = {fts}.rowid "
                f"WHERE {fts} MATCH %s AND {table}.id IN ({placeholders})"
            )
            params = [fts5_query(query), *(pk.hex for pk in ids)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for pk, text in cursor.fetchall():
                found[(kind, _uuid(pk))] = _marked_html(text or "")
    return found


def _marked_html(text: str) -> str:
    return html.escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


# --- Claim matching --------------------------------------------------------------------------

CANDIDATES = 50
"""Claims the index proposes for each text before they are scored."""


def similar_claims(
    text: str, claims: QuerySet[Claim], *, limit: int, threshold: float = 0.0
) -> list[tuple[Claim, float]]:
    """The claims of ``claims`` most like ``text``, best first, with their similarity."""
    if not claim_words(text):
        return []
    if connection.vendor == "postgresql":
        distance = RawSQL("annotations_claim.text <-> %s", [text], output_field=FloatField())
        nearest = claims.annotate(distance=distance).order_by("distance")
        candidates: list[Claim] = list(nearest[:CANDIDATES])
    else:
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
            ids = [_uuid(pk) for (pk,) in cursor.fetchall()]
        candidates = list(claims.filter(pk__in=ids))
    scored = [(claim, similarity(text, claim.text)) for claim in candidates]
    scored = [(claim, score) for claim, score in scored if score >= threshold]
    scored.sort(key=lambda pair: (-pair[1], str(pair[0].pk)))
    return scored[:limit]
