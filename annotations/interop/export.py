"""Streaming export: every article a user can see, as JSON lines, and claims with their
verdicts, as CSV rows.

Each object is written by the serializer the API shows it with (its fields that an export
keeps), so that the export and the API cannot drift apart. Rows are read in pages by keyset
pagination on ``(created_at, id)``, with a fixed number of queries per page, so memory and the
number of queries grow with the page size and the number of pages, never with the whole
database.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model, Prefetch, Q, QuerySet
from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder

from annotations.articles.models import Article, Span
from annotations.articles.serializers import ArticleSerializer, SpanSerializer
from annotations.claims.models import Claim, ClaimSpan
from annotations.claims.serializers import ClaimSerializer
from annotations.review.models import Verdict
from annotations.review.serializers import VerdictSerializer

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

PAGE_SIZE = 500

# What the API shows and an export leaves out: figures about the request or the moment
# (counts, status, the last change of body), and what the export's nesting says already. Any
# other field of the API's representation is exported too.
ARTICLE_OMITS = ["created_by", "span_count", "claim_count"]
SPAN_OMITS = [
    "article",
    "start_utf16",
    "end_utf16",
    "offset_unit",
    "created_by",
    "created_at",
    "updated_at",
]
CLAIM_OMITS = [
    "workspace",
    "language",
    "review_url",
    "articles",
    "group",
    "status",
    "verdict_count",
    "created_by",
    "created_at",
    "updated_at",
]
VERDICT_OMITS = ["claim", "created_at", "updated_at"]

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
# The fields of a claim's and a verdict's representation that the CSV's columns show.
CSV_CLAIM_FIELDS = ["id", "workspace", "text", "claimant", "claim_date"]
CSV_VERDICT_FIELDS = ["id", "reviewer", "rating", "state", "submitted_at", "published_at"]

ModelT = TypeVar("ModelT", bound=Model)


def representation(
    serializer_class: type[serializers.Serializer[Any]],
    *,
    omit: Sequence[str] = (),
    only: Sequence[str] = (),
) -> serializers.Serializer[Any]:
    """A serializer of the API's, writing what the API shows but the fields in ``omit`` (or
    only those in ``only``)."""
    serializer = serializer_class()
    for name in list(serializer.fields):
        if name in omit or (only and name not in only):
            serializer.fields.pop(name)
    return serializer


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


def _claims_with_spans(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """``claims`` with every span each cites, by id, first in the body first."""
    spans = Span.objects.only("id", "article_id").order_by("start", "end", "id")
    return claims.prefetch_related(Prefetch("spans", queryset=spans))


def _verdicts_by_claim(user: User, claims: Iterable[Any]) -> dict[Any, list[dict[str, Any]]]:
    """The verdicts ``user`` may see (blind review applied) on ``claims``, by claim id, as the
    export writes them."""
    verdicts = (
        Verdict.objects.visible_to(user)
        .filter(claim__in=claims)
        .select_related("reviewer", "rating")
        .order_by("created_at", "id")
    )
    writer = representation(VerdictSerializer, omit=VERDICT_OMITS)
    by_claim: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for verdict in verdicts:
        by_claim[verdict.claim_id].append(writer.to_representation(verdict))
    return by_claim


def article_records(
    user: User, workspace: str | None = None, page_size: int = PAGE_SIZE
) -> Iterator[dict[str, Any]]:
    """Each article ``user`` can see (of the workspace with slug ``workspace``, if given) with
    its spans, the claims citing them (with every span each cites) and those claims' visible
    verdicts. Five queries a page."""
    articles = Article.objects.visible_to(user).select_related("workspace")
    if workspace is not None:
        articles = articles.filter(workspace__slug=workspace)
    article_writer = representation(ArticleSerializer, omit=ARTICLE_OMITS)
    span_writer = representation(SpanSerializer, omit=SPAN_OMITS)
    claim_writer = representation(ClaimSerializer, omit=CLAIM_OMITS)
    for page in keyset_pages(articles, page_size):
        article_ids = [article.pk for article in page]
        spans_by_article: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for span in Span.objects.filter(article_id__in=article_ids).order_by("start", "end", "id"):
            spans_by_article[span.article_id].append(span_writer.to_representation(span))

        cited_here = ClaimSpan.objects.filter(span__article_id__in=article_ids).values("claim_id")
        claims = list(
            _claims_with_spans(Claim.objects.visible_to(user).filter(pk__in=cited_here)).order_by(
                "created_at", "id"
            )
        )
        verdicts = _verdicts_by_claim(user, [claim.pk for claim in claims])
        claims_by_article: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for claim in claims:
            record = {**claim_writer.to_representation(claim), "verdicts": verdicts[claim.pk]}
            for article_id in dict.fromkeys(span.article_id for span in claim.spans.all()):
                claims_by_article[article_id].append(record)

        for article in page:
            yield {
                **article_writer.to_representation(article),
                "spans": spans_by_article.get(article.pk, []),
                "claims": claims_by_article.get(article.pk, []),
            }


def jsonl_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line."""
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
    claim_writer = representation(ClaimSerializer, only=[*CSV_CLAIM_FIELDS, "articles"])
    for page in keyset_pages(_claims_with_spans(claims), page_size):
        verdicts = _verdicts_by_claim(user, [claim.pk for claim in page])
        for claim in page:
            shown = claim_writer.to_representation(claim)
            common = [shown[name] or "" for name in CSV_CLAIM_FIELDS]
            common.append(" ".join(str(article_id) for article_id in shown["articles"]))
            claim_verdicts = verdicts.get(claim.pk)
            if not claim_verdicts:
                yield [*common, "", "", "", "", "", "", "", ""]
                continue
            for verdict in claim_verdicts:
                yield [
                    *common,
                    *(verdict[name] or "" for name in CSV_VERDICT_FIELDS),
                    verdict["explanation"],
                    " ".join(
                        source["url"]
                        for source in verdict["sources"]
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
