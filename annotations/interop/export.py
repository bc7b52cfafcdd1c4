"""Streaming export: every article a user can see, as JSON lines, and claims with their
verdicts, as CSV rows.

Rows are read in pages by keyset pagination on ``(created_at, id)``, with a fixed number of
queries per page, so memory and the number of queries grow with the page size and the number
of pages, never with the whole database.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model, Q, QuerySet
from rest_framework.utils.encoders import JSONEncoder

from annotations.articles.models import Article, Span
from annotations.claims.models import Claim, ClaimSpan
from annotations.review.models import Verdict

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

PAGE_SIZE = 500

CSV_COLUMNS = [
    "claim_id",
    "workspace",
    "claim_text",
    "claimant",
    "claim_date",
    "article_ids",
    "verdict_id",
    "reviewer",
    "rating",
    "state",
    "submitted_at",
    "published_at",
    "explanation",
    "source_urls",
]

SPAN_FIELDS = [
    "id",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "note",
    "revision",
    "anchor_state",
]

ModelT = TypeVar("ModelT", bound=Model)


def keyset_pages(queryset: QuerySet[ModelT], page_size: int = PAGE_SIZE) -> Iterator[list[ModelT]]:
    """``queryset`` in pages of ``page_size`` rows ordered by ``(created_at, id)``, one query
    per page, each page starting after the last row of the one before."""
    ordered = queryset.order_by("created_at", "id")
    last: ModelT | None = None
    while True:
        page_query = ordered
        if last is not None:
            created_at = last.created_at  # type: ignore[attr-defined]
            page_query = ordered.filter(
                Q(created_at__gt=created_at) | Q(created_at=created_at, id__gt=last.pk)
            )
        page = list(page_query[:page_size])
        if not page:
            return
        yield page
        if len(page) < page_size:
            return
        last = page[-1]


def _iso(value: Any) -> Any:
    """A date or datetime as DRF's JSON encoder writes it; None as is."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=JSONEncoder))


def _verdict_data(verdict: Verdict) -> dict[str, Any]:
    return {
        "id": verdict.pk,
        "reviewer": verdict.reviewer.get_username(),
        "rating": verdict.rating_id,
        "explanation": verdict.explanation,
        "sources": verdict.sources,
        "state": verdict.state,
        "submitted_at": verdict.submitted_at,
        "published_at": verdict.published_at,
    }


def _verdicts_by_claim(
    user: User, claims: QuerySet[Any, Any] | list[Any]
) -> dict[Any, list[Verdict]]:
    """The verdicts ``user`` may see (blind review applied) on ``claims``, by claim id."""
    verdicts = (
        Verdict.objects.visible_to(user)
        .filter(claim__in=claims)
        .select_related("reviewer", "rating")
        .order_by("created_at", "id")
    )
    by_claim: dict[Any, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_claim[verdict.claim_id].append(verdict)
    return by_claim


def article_records(
    user: User, workspace: str | None = None, page_size: int = PAGE_SIZE
) -> Iterator[dict[str, Any]]:
    """Each article ``user`` can see (of the workspace with slug ``workspace``, if given) with
    its spans, the claims citing them and those claims' visible verdicts. Four queries a page."""
    articles = Article.objects.visible_to(user).select_related("workspace")
    if workspace is not None:
        articles = articles.filter(workspace__slug=workspace)
    for page in keyset_pages(articles, page_size):
        article_ids = [article.pk for article in page]

        spans_by_article: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        spans = (
            Span.objects.filter(article_id__in=article_ids)
            .order_by("start", "end", "id")
            .values_list("article_id", *SPAN_FIELDS)
        )
        for article_id, *values in spans:
            spans_by_article[article_id].append(dict(zip(SPAN_FIELDS, values, strict=True)))

        # The claims citing these spans, each with every span it cites (also in other
        # articles): one row per citation.
        cited_here = ClaimSpan.objects.filter(span__article_id__in=article_ids).values("claim_id")
        claims = Claim.objects.visible_to(user).filter(pk__in=cited_here).values("pk")
        links = (
            ClaimSpan.objects.filter(claim__in=claims)
            .order_by("claim__created_at", "claim_id", "span__start", "span__end", "span_id")
            .values_list(
                "claim_id",
                "claim__text",
                "claim__claimant",
                "claim__claim_date",
                "span_id",
                "span__article_id",
            )
        )
        claim_rows: dict[Any, dict[str, Any]] = {}
        claims_by_article: dict[Any, list[Any]] = defaultdict(list)
        for claim_id, text, claimant, claim_date, span_id, article_id in links:
            if claim_id not in claim_rows:
                claim_rows[claim_id] = {
                    "id": claim_id,
                    "text": text,
                    "claimant": claimant,
                    "claim_date": claim_date,
                    "spans": [],
                }
            claim_rows[claim_id]["spans"].append(span_id)
            cited = claims_by_article[article_id]
            if claim_id not in cited:
                cited.append(claim_id)
        verdicts = _verdicts_by_claim(user, claims)

        for article in page:
            yield {
                "id": article.pk,
                "workspace": article.workspace.slug,
                "url": article.url,
                "title": article.title,
                "publisher": article.publisher,
                "byline": article.byline,
                "published_at": article.published_at,
                "language": article.language,
                "body": article.body,
                "revision": article.revision,
                "created_at": article.created_at,
                "updated_at": article.updated_at,
                "spans": spans_by_article.get(article.pk, []),
                "claims": [
                    {
                        **claim_rows[claim_id],
                        "verdicts": [_verdict_data(v) for v in verdicts.get(claim_id, [])],
                    }
                    for claim_id in claims_by_article.get(article.pk, [])
                ],
            }


def jsonl_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line, UUIDs and datetimes as DRF writes them."""
    for record in records:
        yield json.dumps(record, cls=JSONEncoder, ensure_ascii=False) + "\n"


def claim_rows(
    user: User, workspace: str | None = None, page_size: int = PAGE_SIZE
) -> Iterator[list[Any]]:
    """A row (``CSV_COLUMNS``) for each verdict ``user`` may see on each claim they can see, and
    one with empty verdict columns for a claim without any. Three queries a page."""
    claims = Claim.objects.visible_to(user).select_related("workspace")
    if workspace is not None:
        claims = claims.filter(workspace__slug=workspace)
    for page in keyset_pages(claims, page_size):
        claim_ids = [claim.pk for claim in page]
        articles: dict[Any, list[Any]] = defaultdict(list)
        links = (
            ClaimSpan.objects.filter(claim_id__in=claim_ids)
            .order_by("span__article_id")
            .values_list("claim_id", "span__article_id")
            .distinct()
        )
        for claim_id, article_id in links:
            articles[claim_id].append(article_id)
        verdicts = _verdicts_by_claim(user, claim_ids)
        for claim in page:
            common = [
                claim.pk,
                claim.workspace.slug,
                claim.text,
                claim.claimant,
                _iso(claim.claim_date) or "",
                " ".join(str(article_id) for article_id in articles.get(claim.pk, [])),
            ]
            claim_verdicts = verdicts.get(claim.pk)
            if not claim_verdicts:
                yield [*common, "", "", "", "", "", "", "", ""]
                continue
            for verdict in claim_verdicts:
                yield [
                    *common,
                    verdict.pk,
                    verdict.reviewer.get_username(),
                    verdict.rating_id,
                    verdict.state,
                    _iso(verdict.submitted_at) or "",
                    _iso(verdict.published_at) or "",
                    verdict.explanation,
                    " ".join(
                        source["url"]
                        for source in verdict.sources
                        if isinstance(source, dict) and source.get("url")
                    ),
                ]


class _Echo:
    """A file-like object that hands back what is written, for ``csv.writer``."""

    def write(self, value: str) -> str:
        return value


FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes a cell beginning with for a formula (OWASP, CSV injection)."""


def spreadsheet_safe(value: Any) -> Any:
    """A cell that no spreadsheet runs as a formula: one beginning with a formula trigger gets
    a ``'`` in front, which spreadsheets show as text and do not display."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else value


def csv_lines(rows: Iterable[list[Any]]) -> Iterator[str]:
    """The header, then each row, as CSV lines, every cell spreadsheet-safe."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(cell) for cell in row])
