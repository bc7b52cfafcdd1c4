"""The two engines behind search: PostgreSQL's text search (stored vectors, GIN indexes,
``ts_rank``) and SQLite's FTS5 (``bm25``), behind one function, :func:`find`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import connection, transaction
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from annotations.articles.models import Article
from annotations.claims.models import Claim
from annotations.search.query import fts5_query, parse
from factcheck.db import as_uuid

SEARCH_CONFIGS = [
    *("arabic", "danish", "dutch", "english", "finnish", "french", "german", "greek"),
    *("hungarian", "indonesian", "italian", "lithuanian", "nepali", "norwegian", "portuguese"),
    *("romanian", "russian", "simple", "spanish", "swedish", "tamil", "turkish"),
]
"""Every text search configuration ``factcheck_search_config`` (migration 0013) returns."""

MARK_START, MARK_END = "\x02", "\x03"

# The SQL below interpolates only table names and constants; what users type is always a
# query parameter (hence the noqa: S608/S611 marks).

TITLE_WEIGHT = 4.0
"""How much more a word in an article's title (or a claim's text) counts than one in its
body (or the claimant's name), on SQLite; PostgreSQL's weights A and B differ as much."""


@dataclass(frozen=True)
class Hit:
    kind: str  # "article" or "claim"
    id: UUID
    score: float


@dataclass(frozen=True)
class Results:
    """The ranked matches of a search, best first (ties by kind, then id)."""

    hits: list[Hit]
    truncated: bool
    """A kind filled the window: perhaps more of it matched than the hits rank (its most
    recently added matches)."""


def find(
    query: str,
    *,
    articles: QuerySet[Article] | None,
    claims: QuerySet[Claim] | None,
    window: int,
) -> Results:
    """The matches of ``query`` among ``articles`` and ``claims`` (``None`` leaves a kind out),
    ranked: of each kind, the ``window`` most recently added matches.

    Ranking every match of a common word would read the search vector of most rows; the
    window bounds that work whatever the archive's size (docs/search.md)."""
    parse(query)  # the same errors on both databases
    match = _PostgreSQLMatch(query) if connection.vendor == "postgresql" else _SQLiteMatch(query)
    parts = [
        match.ranked(kind, rows, window)
        for kind, rows in (("article", articles), ("claim", claims))
        if rows is not None
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A scan of the whole table would read every article's vector, stored out of line,
            # a cost the planner does not count: it chose one for words in 70% of the articles
            # (500 ms) over the search index (40 ms).
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            " UNION ALL ".join(f"SELECT * FROM ({sql}) AS {kind}" for kind, sql, _ in parts)  # noqa: S608
            + " ORDER BY score DESC, kind, id",
            [param for _, _, params in parts for param in params],
        )
        hits = [Hit(kind, as_uuid(pk), float(score)) for kind, pk, score in cursor.fetchall()]
        if connection.vendor == "postgresql":
            cursor.execute("RESET enable_seqscan")
    counts = Counter(hit.kind for hit in hits)
    return Results(hits, truncated=any(count >= window for count in counts.values()))


def _recent(rows: QuerySet[Any], condition: RawSQL, window: int, *columns: str) -> QuerySet[Any]:
    """The ``window`` most recently added of ``rows`` that meet ``condition``."""
    return rows.filter(condition).order_by("-created_at", "-id").values("id", *columns)[:window]


class _SQLiteMatch:
    """FTS5: the query translated, ranked by bm25 (title or claim text weighted)."""

    def __init__(self, query: str) -> None:
        self.query = fts5_query(query)

    def ranked(self, kind: str, rows: QuerySet[Any], window: int) -> tuple[str, str, list[Any]]:
        table = rows.model._meta.db_table
        fts = f"{table}_fts"
        matches = RawSQL(  # noqa: S611
            f"{table}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)",  # noqa: S608
            [self.query],
            output_field=BooleanField(),
        )
        recent, recent_params = _recent(rows, matches, window).query.sql_with_params()
        return (
            kind,
            f"SELECT '{kind}' AS kind, {table}.id AS id, -bm25({fts}, {TITLE_WEIGHT}, 1.0) "  # noqa: S608
            f"AS score FROM {fts} JOIN {table} ON {table}.rowid = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND {table}.id IN (SELECT id FROM ({recent}))",
            [self.query, *recent_params],
        )


VECTOR_READ_COST = {"annotations_article": 12, "annotations_claim": 1}
"""How many times more it costs to read a row's search vector than to find the row by the
search index: an article's is stored out of line (migration 0014), a claim's is small and in
the row. Measured on 100,000 articles and 300,000 claims (docs/benchmarks.md)."""


RECHECKED_OPERATOR = re.compile(r"<(?:-|\d+)>|!")
"""A phrase (``<->``, ``<N>``) or an exclusion (``!``) in a tsquery's text: the search index
finds candidates, and each candidate's vector is read to check them."""


class _PostgreSQLMatch:
    """Each row's ``search_vector`` against the query as ``websearch_to_tsquery`` reads it,
    ranked by ``ts_rank``.

    A row's vector holds the stems of its own language's configuration, so the query is read
    in every configuration and the readings joined by OR: one condition that the search index
    answers alone. A row can thus match a stem of another language's reading of the query
    (German "Run" for "running"), which is rare and only ever adds hits.

    The window's matches are found in one of three ways, whichever reads fewest vectors
    (reading an article's vector, stored out of line, is what costs; PostgreSQL's planner does
    not count it): walking the rows newest first, reading each one's vector until the window
    is full (when most rows match); collecting every match by the search index, then sorting
    them (when few do); and, for a phrase or an exclusion, which the index cannot decide
    alone, collecting the candidates of the query without them by the index, sorting those,
    and checking the whole query newest first until the window is full."""

    def __init__(self, query: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT reading::text, querytree(reading) FROM (SELECT "
                "websearch_to_tsquery(config::regconfig, %s) AS reading "
                "FROM unnest(%s::text[]) AS config) AS readings",
                [query, SEARCH_CONFIGS],
            )
            # An empty reading (only stop words in that language) matches nothing.
            readings = sorted((text, indexed) for text, indexed in cursor.fetchall() if text)
        self.tsquery = " | ".join(f"({text})" for text, _ in readings)
        # querytree drops exclusions ("T": nothing indexable is left); phrases become "and".
        self.candidates = (
            " | ".join(dict.fromkeys(f"({_without_phrases(indexed)})" for _, indexed in readings))
            if RECHECKED_OPERATOR.search(self.tsquery)
            and all(indexed != "T" for _, indexed in readings)
            else None
        )

    def ranked(self, kind: str, rows: QuerySet[Any], window: int) -> tuple[str, str, list[Any]]:
        table = rows.model._meta.db_table
        if not self.tsquery:
            return kind, f"SELECT '{kind}' AS kind, id, 0.0 AS score FROM {table} WHERE FALSE", []  # noqa: S608
        vector = RawSQL(f"{table}.search_vector", [])  # noqa: S611
        if self.candidates:
            sql, params = self._checked_newest_first(table, rows, vector, window)
        else:
            sql, params = self._newest(table, rows, vector, window)
        return (
            kind,
            f"SELECT '{kind}' AS kind, id, ts_rank(vector, %s::tsquery, 1) AS score "  # noqa: S608
            f"FROM ({sql}) AS recent",
            [self.tsquery, *params],
        )

    def _matching(self, table: str, tsquery: str) -> RawSQL:
        return RawSQL(f"{table}.search_vector @@ %s::tsquery", [tsquery], BooleanField())  # noqa: S611

    def _checked_newest_first(
        self, table: str, rows: QuerySet[Any], vector: RawSQL, window: int
    ) -> tuple[str, Sequence[Any]]:
        candidates, params = (
            rows.filter(self._matching(table, self.candidates or ""))
            .order_by()
            .annotate(vector=vector)
            .values("id", "created_at", "vector")
            .query.sql_with_params()
        )
        # The fences (OFFSET 0) keep the order of the steps: candidates by the index without
        # reading vectors, sorted, then checked one by one until the window is full.
        return (
            "SELECT id, vector FROM (SELECT id, vector FROM ("  # noqa: S608
            f"{candidates} OFFSET 0) AS candidates ORDER BY created_at DESC, id DESC OFFSET 0"
            ") AS newest WHERE vector @@ %s::tsquery LIMIT %s",
            (*params, self.tsquery, window),
        )

    def _newest(
        self, table: str, rows: QuerySet[Any], vector: RawSQL, window: int
    ) -> tuple[str, Sequence[Any]]:
        matches = self._matching(table, self.tsquery)
        matching, params = (
            rows.filter(matches)
            .order_by()
            .annotate(vector=vector)
            .values("id", "created_at", "vector")
            .query.sql_with_params()
        )
        scope, scope_params = rows.order_by().values("id").query.sql_with_params()
        found, in_scope = _estimated_rows(matching, params), _estimated_rows(scope, scope_params)
        # Walking reads about window * in_scope / found rows with their vectors; the index
        # finds the matches without reading them, unless it must check what it cannot decide.
        read_cost = VECTOR_READ_COST[table]
        index_read_cost = read_cost if RECHECKED_OPERATOR.search(self.tsquery) else 1
        if read_cost * window * in_scope / max(found, 1) < index_read_cost * found:
            recent = _recent(rows.annotate(vector=vector), matches, window, "vector")
            return recent.query.sql_with_params()
        # The fence (OFFSET 0) keeps PostgreSQL from walking the recency index instead.
        return (
            f"SELECT id, vector FROM ({matching} OFFSET 0) AS matches "  # noqa: S608
            "ORDER BY created_at DESC, id DESC LIMIT %s",
            (*params, window),
        )


_QUOTED = re.compile(r"('(?:[^']|'')*')")


def _without_phrases(tsquery: str) -> str:
    """``tsquery``'s text with its phrases' words merely all required."""
    return "".join(
        part if part.startswith("'") else re.sub(r"<(?:-|\d+)>", "&", part)
        for part in _QUOTED.split(tsquery)
    )


def _estimated_rows(sql: str, params: Sequence[Any]) -> float:
    """How many rows PostgreSQL's planner expects ``sql`` to return."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        return float(cursor.fetchone()[0][0]["Plan"]["Plan Rows"])
