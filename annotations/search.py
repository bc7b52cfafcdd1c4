"""Full-text search over articles and claims, and matching of claims checked before.

One API over two engines, both kept up to date by the database (migration 0013):

- PostgreSQL: each row's ``search_vector`` in the text search configuration of its language,
  queried with ``websearch_to_tsquery``, ranked by ``ts_rank``, snippets by ``ts_headline``;
  claim matching takes its candidates from a GIN index of claim words.
- SQLite: FTS5 tables, queried with the same syntax translated (:func:`fts5_query`), ranked
  by ``bm25``, snippets by FTS5's ``snippet``; claim matching takes its candidates from FTS5.

The query syntax is a search box's, as ``websearch_to_tsquery`` reads it: words (all must
occur), ``"quoted phrases"``, ``-excluded`` words and ``OR`` between alternatives.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import connection, transaction
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from annotations.articles.models import Article
from annotations.claims.models import Claim
from annotations.claims.similarity import STOP_WORDS, claim_words, similarity

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
        hits = [Hit(kind, _uuid(pk), float(score)) for kind, pk, score in cursor.fetchall()]
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
        ids = [_uuid(pk) for (pk,) in cursor.fetchall()]
    return list(claims.filter(pk__in=ids))
