"""``GET /api/v1/export/``: everything a user can see, streamed as JSON lines or CSV."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from django.http import HttpResponseBase, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.serializers import VisibleWorkspaceField
from annotations.interop.export import article_records, claim_rows, csv_lines, jsonl_lines
from annotations.workspaces.models import Workspace
from factcheck.http.parameters import read_query
from factcheck.http.problems import CONTENT_TYPE, validation_problem
from factcheck.http.schema import ProblemSerializer

log = logging.getLogger(__name__)


class JSONLinesRenderer(BaseRenderer):
    """Newline-delimited JSON. The export view streams its own body; this renderer names the
    format for content negotiation (``?format=jsonl``) and the schema."""

    media_type = "application/x-ndjson"
    format = "jsonl"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Any = None,
    ) -> bytes:
        return "".join(jsonl_lines([data])).encode() if data is not None else b""


class CSVRenderer(BaseRenderer):
    """CSV, for ``?format=csv``; like ``JSONLinesRenderer``, a name for negotiation."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Any = None,
    ) -> bytes:
        return b""


def unknown_format(requested: str) -> dict[str, list[str]]:
    return {"format": [f"Unknown export format {requested!r}: use one of {', '.join(FORMATS)}."]}


FORMATS = {renderer.format: renderer for renderer in (JSONLinesRenderer, CSVRenderer)}

JSONL_EXAMPLE = (
    '{"id": "0b5c…", "workspace": "desk", "url": "https://news.example/1", "title": "…", '
    '"publisher": "Example News", "byline": "", "published_at": null, "language": "en", '
    '"body": "The minister said …", "revision": 1, "created_at": "2026-05-01T09:00:00Z", '
    '"updated_at": "2026-05-01T09:00:00Z", '
    '"spans": [{"id": "7e1d…", "start": 0, "end": 12, "quote": "The minister", "prefix": "", '
    '"suffix": " said …", "note": "", "revision": 1, "anchor_state": "anchored"}], '
    '"claims": [{"id": "c2a9…", "text": "Unemployment fell to 3% in May.", '
    '"claimant": "The minister", "claim_date": "2026-05-01", "spans": ["7e1d…"], '
    '"verdicts": [{"id": "91f0…", "reviewer": "rita", "rating": "false", '
    '"explanation": "Official statistics show 4.1%.", '
    '"sources": [{"url": "https://stats.example/may", "title": "May figures"}], '
    '"state": "published", "submitted_at": "2026-05-02T10:00:00Z", '
    '"published_at": "2026-05-02T12:00:00Z"}]}]}\n'
)
CSV_EXAMPLE = (
    "claim_id,workspace,claim_text,claimant,claim_date,article_ids,verdict_id,reviewer,rating,"
    "state,submitted_at,published_at,explanation,source_urls\r\n"
    "c2a9…,desk,Unemployment fell to 3% in May.,The minister,2026-05-01,0b5c…,91f0…,rita,"
    "false,published,2026-05-02T10:00:00Z,2026-05-02T12:00:00Z,Official statistics show 4.1%.,"
    "https://stats.example/may\r\n"
)


class ExportView(APIView):
    """Every article you can see with its spans, claims and verdicts, or every claim with its
    verdicts, streamed."""

    renderer_classes = [JSONLinesRenderer, CSVRenderer]
    extra_error_codes = ("400",)

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # ``format`` is DRF's URL_FORMAT_OVERRIDE, so it picks one of this view's renderers;
        # an unknown one is the client's mistake (400) rather than DRF's 404.
        requested = request.query_params.get("format")
        if requested is not None and requested not in FORMATS and not force:
            raise serializers.ValidationError(unknown_format(requested))
        return super().perform_content_negotiation(request, force=force)

    def handle_exception(self, exc: Exception) -> HttpResponseBase:  # type: ignore[override]
        # The error is an RFC 9457 problem document, whichever format was asked for.
        response = super().handle_exception(exc)
        if not isinstance(response, Response):
            return response
        problem = JsonResponse(
            response.data, status=response.status_code, content_type=CONTENT_TYPE
        )
        for header, value in response.items():
            if header.lower() != "content-type":
                problem[header] = value
        return problem

    @extend_schema(
        summary="Export everything you can see",
        description=(
            "Streams, so it suits databases of any size. `format=jsonl` (the default): one JSON "
            "object per line for each article of your workspaces, oldest first, with its spans, "
            "the claims citing them (`spans`: all the span ids each claim cites) and the "
            "verdicts on those claims you may see (blind review applies). `format=csv`: a header "
            "row, then one row for each verdict you may see on each claim of your workspaces "
            "(a claim without any: one row with empty verdict columns); `article_ids` and "
            "`source_urls` are space-separated. A CSV cell that would begin with `=`, `+`, "
            "`-`, `@`, a tab or a carriage return begins with `'` instead, so that no "
            "spreadsheet runs it as a formula (OWASP's rule); the JSON Lines are as stored."
        ),
        operation_id="export",
        parameters=[
            OpenApiParameter(
                "format",
                str,
                OpenApiParameter.QUERY,
                enum=list(FORMATS),
                default=JSONLinesRenderer.format,
                description="`jsonl`: articles, one JSON object per line. `csv`: claims with "
                "their verdicts, one row per verdict. Another value answers 400.",
            ),
            OpenApiParameter(
                "Content-Disposition",
                str,
                OpenApiParameter.HEADER,
                response=["200"],
                description='`attachment; filename="factcheck-articles-<UTC time>.jsonl"` '
                "(or `factcheck-claims-….csv`).",
            ),
            OpenApiParameter(
                "workspace",
                str,
                OpenApiParameter.QUERY,
                description="Only this workspace (its slug); one that is not yours answers 400.",
            ),
        ],
        responses={
            (200, JSONLinesRenderer.media_type): OpenApiResponse(
                OpenApiTypes.STR,
                description="One JSON object per line for each article.",
                examples=[OpenApiExample("Article", value=JSONL_EXAMPLE)],
            ),
            (200, CSVRenderer.media_type): OpenApiResponse(
                OpenApiTypes.STR,
                description="Claims with their verdicts, one row per verdict.",
                examples=[OpenApiExample("Claims", value=CSV_EXAMPLE)],
            ),
            (400, CONTENT_TYPE): OpenApiResponse(
                ProblemSerializer,
                description="The format is not one of `jsonl` and `csv`, or the workspace is "
                "not one of yours.",
                examples=[
                    OpenApiExample(
                        "Unknown format",
                        value=validation_problem(unknown_format("xml")),
                    )
                ],
            ),
        },
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        # Every parameter is checked before the first byte is streamed: once it has begun,
        # an error can only cut the response short.
        workspace = read_query(ExportQuerySerializer, request).get("workspace")
        slug = workspace.slug if workspace is not None else None
        user = request.user
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        if request.accepted_renderer.format == CSVRenderer.format:
            chunks, content_type = csv_lines(claim_rows(user, slug)), "text/csv; charset=utf-8"
            filename = f"factcheck-claims-{stamp}.csv"
        else:
            chunks = jsonl_lines(article_records(user, slug))
            content_type = "application/x-ndjson; charset=utf-8"
            filename = f"factcheck-articles-{stamp}.jsonl"
        response = StreamingHttpResponse(streamed(chunks, request), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class ExportQuerySerializer(serializers.Serializer[Any]):
    workspace = VisibleWorkspaceField(
        slug_field="slug", queryset=Workspace.objects.all(), required=False, allow_null=True
    )


def streamed(chunks: Iterator[str], request: Request) -> Iterator[str]:
    """``chunks``, with the first one made before the response starts (so that an error in
    the first page's queries is an ordinary error response), and an error after streaming
    has begun logged with the request's id: the client only sees the response cut short."""
    first = next(chunks, None)

    def rest() -> Iterator[str]:
        if first is None:
            return
        yield first
        try:
            yield from chunks
        except Exception:
            log.exception(
                "The export failed after streaming had begun; the response was cut short.",
                extra={"request_id": getattr(request, "id", ""), "path": request.path},
            )
            raise

    return rest()
