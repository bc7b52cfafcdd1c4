"""Search hits' text around the words they matched, as escaped HTML with ``<mark>``."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from django.db import connection

from annotations.search.engines import MARK_END, MARK_START, Hit
from annotations.search.query import fts5_query
from factcheck.db import as_uuid


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
                found[(kind, as_uuid(pk))] = _marked_html(text or "")
    return found


def _marked_html(text: str) -> str:
    return html.escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
