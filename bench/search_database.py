"""The search benchmark's database (``bench/search.py``): the generated articles and claims
loaded in batches (COPY, or the ORM's ``bulk_create``), then ``VACUUM ANALYZE``; the tables'
sizes and the server's settings, for the report.

Neither way of loading calls ``Article.save``: the articles have no ``ArticleRevision`` row
and no history record (search reads neither). The database's row triggers fill
``search_vector`` on COPY as on INSERT, and the GIN indexes are maintained as rows arrive.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from common import seeded_random
from search_corpus import Corpus, Writer, moment, pick_language, random_uuid
from search_vocabulary import words

from annotations.articles.text import normalize_text

BATCH = 2_000
ARTICLE_COLUMNS = words(
    "id created_by_id created_at updated_at workspace_id url title publisher byline "
    "published_at language body revision"
)
CLAIM_COLUMNS = [
    "id",
    "created_by_id",
    "created_at",
    "updated_at",
    "workspace_id",
    "text",
    "claimant",
    "claim_date",
    "review_url",
    "language",
    '"group"',
]


@dataclass
class LoadResult:
    table: str
    rows: int
    method: str
    generate_seconds: float
    insert_seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.insert_seconds


@dataclass
class Loaded:
    """The data set as loaded: how long each table took, then ``VACUUM ANALYZE``, and the
    sizes of the two tables and their indexes in bytes."""

    tables: list[LoadResult]
    vacuum_seconds: float
    sizes: dict[str, dict[str, int]]

    def print_summary(self) -> None:
        for result in self.tables:
            print(
                f"Loaded {result.rows:,} {result.table}s by {result.method}: generating "
                f"{result.generate_seconds:.1f} s, inserting {result.insert_seconds:.1f} s "
                f"({result.rows_per_second:,.0f} rows/s, triggers and indexes included)"
            )
        print(f"VACUUM ANALYZE (whole database): {self.vacuum_seconds:.1f} s")
        for table, size in self.sizes.items():
            print(
                f"{table}: {size['total'] / 2**20:,.0f} MiB ({size['table'] / 2**20:,.0f} MiB "
                f"table and TOAST, {size['indexes'] / 2**20:,.0f} MiB indexes)"
            )


@dataclass(frozen=True)
class Rows:
    """The rows of the article and claim tables, numbered; ``corpus`` keeps every 50th
    article's body and every claim, for the queries."""

    writer: Writer
    rng: random.Random
    workspace_id: Any
    user_id: Any
    corpus: Corpus

    def article(self, number: int) -> tuple[Any, ...]:
        """The values of ``ARTICLE_COLUMNS``."""
        rng = self.rng
        language = pick_language(rng)
        pk = random_uuid(rng)
        title, body, byline = self.writer.article(rng, language)
        body = normalize_text(body)
        publisher = self.writer.publisher[language](rng)
        published = moment(rng)
        slug = "-".join(re.findall(r"\w+", title.lower())[:8])
        url = f"https://news.example/{published:%Y/%m}/{slug}-{number}"
        if number % 50 == 0:
            self.corpus.bodies.append((language, body))
        return (
            pk,
            self.user_id,
            published,  # added when published, as an archive is
            published,
            self.workspace_id,
            url,
            title,
            publisher,
            byline,
            published,
            language,
            body,
            1,
        )

    def claim(self, number: int) -> tuple[Any, ...]:
        """The values of ``CLAIM_COLUMNS``."""
        rng = self.rng
        language = pick_language(rng)
        pk = random_uuid(rng)
        text, claimant = self.writer.claim(rng, language)
        made = moment(rng)
        self.corpus.claims.append((pk, text))
        return (
            pk,
            self.user_id,
            made,
            made,
            self.workspace_id,
            text,
            claimant,
            made.date(),
            "",
            language,
            None,
        )


def insert(method: str, model: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """``rows`` (values of ``columns``) into ``model``'s table in one transaction, without the
    statement timeout."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 0")
        if method == "copy":
            table = model._meta.db_table
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            names = [column.strip('"') for column in columns]
            model.objects.bulk_create(
                [model(**dict(zip(names, row, strict=True))) for row in rows], batch_size=BATCH
            )


def load_table(
    table: str,
    method: str,
    model: Any,
    columns: Sequence[str],
    count: int,
    make_row: Callable[[int], tuple[Any, ...]],
) -> LoadResult:
    """``count`` rows of ``make_row`` into ``model``'s table, ``BATCH`` at a time, timing
    their making and their inserting apart."""
    generating = inserting = 0.0
    for start in range(0, count, BATCH):
        began = time.perf_counter()
        rows = [make_row(number) for number in range(start, min(start + BATCH, count))]
        generated = time.perf_counter()
        insert(method, model, columns, rows)
        generating += generated - began
        inserting += time.perf_counter() - generated
        done = min(start + BATCH, count)
        if done % (BATCH * 10) == 0 or done == count:
            print(
                f"  {table}s: {done:,}/{count:,}, generating {generating:.1f} s, "
                f"inserting {inserting:.1f} s",
                flush=True,
            )
    return LoadResult(table, count, method, generating, inserting)


def load(
    writer: Writer, method: str, articles: int, claims: int, workspace: Any, user: Any, seed: int
) -> tuple[list[LoadResult], Corpus]:
    from annotations.articles.models import Article
    from annotations.claims.models import Claim

    corpus = Corpus()
    rows = Rows(writer, seeded_random(seed), workspace.pk, user.pk, corpus)
    results = [
        load_table("article", method, Article, ARTICLE_COLUMNS, articles, rows.article),
        load_table("claim", method, Claim, CLAIM_COLUMNS, claims, rows.claim),
    ]
    return results, corpus


def vacuum_analyze() -> float:
    from django.db import connection

    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("RESET statement_timeout")
    return time.perf_counter() - began


def table_sizes() -> dict[str, dict[str, int]]:
    from django.db import connection

    sizes = {}
    with connection.cursor() as cursor:
        for table in ("annotations_article", "annotations_claim"):
            cursor.execute(
                "SELECT pg_table_size(%s), pg_indexes_size(%s), pg_total_relation_size(%s)",
                [table, table, table],
            )
            table_bytes, index_bytes, total = cursor.fetchone()
            sizes[table] = {"table": table_bytes, "indexes": index_bytes, "total": total}
            cursor.execute(
                "SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) "
                "FROM pg_index WHERE indrelid = %s::regclass",
                [table],
            )
            for name, size in cursor.fetchall():
                sizes[table][name] = size
    return sizes


def server_settings() -> dict[str, str]:
    from django.db import connection

    names = words(
        "server_version shared_buffers work_mem effective_cache_size random_page_cost "
        "max_parallel_workers_per_gather jit"
    )
    with connection.cursor() as cursor:
        found = {}
        for name in names:
            cursor.execute(f"SHOW {name}")
            found[name] = cursor.fetchone()[0]
    return found
