"""Database operations the ORM does slowly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from django.db import connection, connections, router
from django.db.models import Count, Field, Model, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

SQLITE_BATCH_SIZE = 500
"""Rows per statement on SQLite, whose statements take at most 32,766 parameters."""


def _concrete(field: Any) -> Field[Any, Any]:
    if not isinstance(field, Field) or not field.concrete:
        raise TypeError(f"{field} is not a concrete field.")
    return field


def _column_values(
    rows: Sequence[Model], columns: Sequence[Field[Any, Any]], connection: Any
) -> list[list[Any]]:
    """The rows' values of each column, as the database takes them: one list per column."""
    return [
        [column.get_db_prep_save(getattr(row, column.attname), connection) for row in rows]
        for column in columns
    ]


def _unnest(columns: Sequence[Field[Any, Any]], connection: Any) -> str:
    """PostgreSQL's rows of one array parameter per column (``_column_values``): one
    parameter per column rather than one per value, which Django compiles and psycopg
    sends many times faster for a thousand rows."""
    arrays = ", ".join(f"%s::{column.db_type(connection)}[]" for column in columns)
    return f"SELECT * FROM unnest({arrays})"  # noqa: S608 - types from the fields' metadata


def bulk_update_rows(objects: Sequence[Model], fields: Sequence[str]) -> None:
    """Save ``fields`` of many rows of one model, each with its own values, in one statement:
    ``UPDATE … FROM`` the rows' values (``unnest`` of one array per column on PostgreSQL,
    ``VALUES`` in batches on SQLite, 3.33 and later).

    ``QuerySet.bulk_update`` builds a ``CASE WHEN`` per field and row, which takes seconds
    of Python for a thousand rows; this takes milliseconds.
    """
    if not objects:
        return
    model = type(objects[0])
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    pk = meta.pk
    if pk is None:  # pragma: no cover - every concrete model has one
        raise TypeError(f"{model} has no primary key.")
    columns = [pk, *(_concrete(meta.get_field(name)) for name in fields)]
    names = [f"c{index}" for index in range(len(columns))]
    table = quote(meta.db_table)
    # Only names from the model's metadata, quoted by the backend, enter the SQL text;
    # every value is a parameter.
    update = (
        f"UPDATE {table} SET "  # noqa: S608
        + ", ".join(
            f"{quote(column.column)} = v.{name}"
            for column, name in zip(columns[1:], names[1:], strict=True)
        )
        + f" FROM v WHERE {table}.{quote(pk.column)} = v.c0"
    )

    def values(rows: Sequence[Model]) -> list[list[Any]]:
        return _column_values(rows, columns, connection)

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"WITH v({', '.join(names)}) AS ({_unnest(columns, connection)}) {update}",
                values(objects),
            )
            return
        row = "(" + ", ".join(["%s"] * len(columns)) + ")"
        for offset in range(0, len(objects), SQLITE_BATCH_SIZE):
            batch = objects[offset : offset + SQLITE_BATCH_SIZE]
            params = [value for by_row in zip(*values(batch), strict=True) for value in by_row]
            cursor.execute(
                f"WITH v({', '.join(names)}) AS (VALUES {', '.join([row] * len(batch))}) {update}",
                params,
            )


def create_with_history(objects: Sequence[Model], *, user_id: Any, context: dict[str, Any]) -> None:
    """Insert ``objects`` (new rows of one model) and django-simple-history's records of their
    creation, with ``context`` (values of the historical model's own fields, by name) in
    every record. The records are copied by the database from the rows themselves: on
    PostgreSQL in the same statement (``WITH created AS (INSERT … RETURNING …) INSERT … SELECT``),
    elsewhere by one ``INSERT … SELECT`` after ``bulk_create``. On PostgreSQL the rows go as
    one array per column (``_unnest``): compiling ``bulk_create``'s statement took a fifth
    of the CPU of a request creating 1,000 spans.

    ``bulk_history_create`` builds a historical model instance per row and inserts them
    through ``bulk_create``: a third of a request creating 1,000 spans.
    """
    if not objects:
        return
    model = type(objects[0])
    # Read from the descriptor itself: reading ``model.history`` builds a manager class anew
    # each time, a tenth of the CPU of a request creating one span.
    history = vars(model)[model._meta.simple_history_manager_attribute].model  # type: ignore[attr-defined]
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    history_fields = {field.column: field for field in history._meta.concrete_fields}
    copied = [field for field in model._meta.concrete_fields if field.column in history_fields]
    constants = {
        "history_date": timezone.now(),
        "history_change_reason": None,
        "history_type": "+",
        "history_user_id": user_id,
        **{history._meta.get_field(name).column: value for name, value in context.items()},
    }
    constant_params = [
        history_fields[column].get_db_prep_save(value, connection)
        for column, value in constants.items()
    ]
    # Only names from the models' metadata, quoted by the backend, enter the SQL text.
    records = (
        f"INSERT INTO {quote(history._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(column) for column in [*(f.column for f in copied), *constants])}) "
        f"SELECT rows.*, {', '.join(['%s'] * len(constants))} FROM ({{rows}}) AS rows"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = model._meta.concrete_fields
            for obj in objects:
                for column in columns:
                    column.pre_save(obj, add=True)  # Sets auto_now and auto_now_add times.
            returning = ", ".join(quote(field.column) for field in copied)
            cursor.execute(
                f"WITH created AS (INSERT INTO {quote(model._meta.db_table)} "  # noqa: S608
                f"({', '.join(quote(column.column) for column in columns)}) "
                f"{_unnest(columns, connection)} RETURNING {returning}) "
                + records.format(rows="SELECT * FROM created"),
                [*_column_values(objects, columns, connection), *constant_params],
            )
            for obj in objects:
                obj._state.adding, obj._state.db = False, connection.alias
            return
        model._default_manager.bulk_create(objects)
        rows, row_params = (
            model._default_manager.filter(pk__in=[obj.pk for obj in objects])
            .order_by()
            .values_list(*(field.attname for field in copied))
            .query.sql_with_params()
        )
        cursor.execute(records.format(rows=rows), [*constant_params, *row_params])


def in_a_change() -> bool:
    """Whether the request being served is a change, which ``AtomicChangesMiddleware`` runs in
    a transaction: only there may rows be locked until it ends.

    DRF runs a view's code for methods the request does not have: OPTIONS describes PUT on a
    clone of the request, the browsable API builds its forms. Those requests are reads, outside
    a transaction, where PostgreSQL refuses a row lock."""
    return connection.in_atomic_block


def merge_pending_index_entries(model: type[Model]) -> None:
    """Merge into PostgreSQL's GIN indexes of ``model``'s table the entries they keep aside
    (their pending list, where inserts go to be fast): right after a bulk load, every search
    reads that list until autovacuum merges it, half as slow again (docs/search.md).
    Nothing on other databases."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
            "WHERE i.indrelid = %s::regclass AND a.amname = 'gin'",
            [model._meta.db_table],
        )


def count_of(queryset: QuerySet[Any], outer_field: str, distinct: str = "pk") -> Coalesce:
    """A correlated count of the distinct ``distinct`` values of ``queryset`` rows whose
    ``outer_field`` is the outer row.

    A subquery rather than ``Count`` over a join, so that several counts on one row do not
    multiply each other and the outer query needs no ``GROUP BY``.
    """
    counted = (
        queryset.filter(**{outer_field: OuterRef("pk")})
        .order_by()
        .values(outer_field)
        .annotate(n=Count(distinct, distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted), Value(0))


def as_uuid(value: Any) -> UUID:
    """A UUID as a raw query returns it: a UUID on PostgreSQL, its text on SQLite."""
    return value if isinstance(value, UUID) else UUID(str(value))
