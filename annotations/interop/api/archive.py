"""An archive of published fact-checks imported: ClaimReview JSON-LD (as the feed publishes
it) or CSV, each item a claim with its published verdict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api import examples
from annotations.interop import archive
from annotations.interop import services as interop_services
from annotations.interop.api.claimreview import CLAIM_REVIEW_EXAMPLE, FEED_EXAMPLE
from annotations.interop.api.serializers import (
    ArchiveImportQuerySerializer,
    ArchiveReportSerializer,
)
from annotations.workspaces import access
from factcheck.http.parameters import read_query
from factcheck.http.parsers import CSVParser, JSONLDParser, JSONParser
from factcheck.http.problems import CONTENT_TYPE, validation_problem
from factcheck.http.schema import ProblemSerializer

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_ITEMS = 1000
"""Items per request at most (the body is bounded by FACTCHECK_MAX_REQUEST_BYTES too): a
request of 1,000 took half a second on PostgreSQL (``bench/archive_import.py``), well within
a worker's timeout. ``manage.py import_claimreviews`` takes any number."""

LISTS = ("dataFeedElement", "@graph")


def too_many(count: int) -> str:
    return (
        f"The archive holds {count} items; at most {MAX_ITEMS} are imported per request. "
        "Send it in parts (a feed's pages: ?page_size=200), or use "
        "manage.py import_claimreviews."
    )


# --- The schema ------------------------------------------------------------------------------

ITEMS = {"type": "array", "maxItems": MAX_ITEMS, "items": {}}
DOCUMENT_SCHEMA: dict[str, Any] = {
    "oneOf": [
        {
            "type": "object",
            "description": "A ClaimReview, or a DataFeed (`@type` `DataFeed`) whose "
            "`dataFeedElement` lists ClaimReviews.",
            "properties": {
                "@context": {
                    "description": "`https://schema.org`. Never fetched nor expanded: terms are "
                    "read as schema.org's."
                },
                "@type": {
                    "description": "`ClaimReview` (or `DataFeed`, or a schema.org IRI of them); "
                    "an item of another type is rejected."
                },
                "url": {
                    "description": "Required. The fact-check's page: the claim's `review_url`, "
                    "which makes importing idempotent."
                },
                "claimReviewed": {"description": "Required. The claim's text."},
                "datePublished": {
                    "description": "Required. When the fact-check was published (ISO 8601 date "
                    "or date-time): the verdict's `published_at`."
                },
                "reviewRating": {
                    "description": 'Required: `{"alternateName": "False"}`, the name of the '
                    "rating (matched to a rating's slug or label, case-insensitively; a new one "
                    "is made outside the ordinal scale otherwise). Its other properties are "
                    "not read."
                },
                "reviewBody": {"description": "The verdict's explanation."},
                "headline": {
                    "description": "The title of the verdict's source (the fact-check); the "
                    "explanation when there is no `reviewBody`."
                },
                "author": {
                    "description": "The fact-checking Organization (`name`, `url`): the "
                    "verdict's publisher (`publisher` is read when there is no `author`). "
                    "Absent for this installation's own fact-checks."
                },
                "itemReviewed": {
                    "description": "The Claim: its `author` (a Person or Organization, or a "
                    "list of them: `name`) is the claimant, its `datePublished` the claim's date."
                },
                "inLanguage": {
                    "description": "BCP 47 tag of the claim's language; `en` when absent."
                },
                "dataFeedElement": {
                    **ITEMS,
                    "description": "A DataFeed's ClaimReviews (or DataFeedItems whose `item` "
                    "is one).",
                },
                "@graph": {**ITEMS, "description": "ClaimReviews, as a JSON-LD graph."},
            },
        },
        {**ITEMS, "description": "ClaimReviews."},
    ]
}
CSV_SCHEMA = {
    "type": "string",
    "description": "CSV with a header row naming the columns "
    f"{', '.join(f'`{name}`' for name in archive.CSV_COLUMNS)} (any order and case; `date` is "
    "when the fact-check was published), and optionally "
    f"{', '.join(f'`{name}`' for name in archive.CSV_OPTIONAL_COLUMNS)}; others are ignored.",
}
CSV_EXAMPLE = (
    "claim,claimant,date,rating,url,headline\r\n"
    "Unemployment fell to 3% in May.,The minister,2024-06-14,False,"
    "https://checks.example/2024/06/unemployment,No: official statistics show 4.1%\r\n"
)
OTHER_FACT_CHECKER = {
    **CLAIM_REVIEW_EXAMPLE,
    "url": "https://checks.example/2024/06/unemployment",
    "author": {"@type": "Organization", "name": "Checks", "url": "https://checks.example/"},
}
REQUEST_EXAMPLES = [
    OpenApiExample(
        "A feed (JSON-LD)",
        value=FEED_EXAMPLE,
        request_only=True,
        media_type="application/ld+json",
        description="As `GET /api/v1/claimreviews/` gives it, from this or another installation.",
    ),
    OpenApiExample(
        "A list (JSON)",
        value=[OTHER_FACT_CHECKER],
        request_only=True,
        media_type="application/json",
        description="Another fact-checker's ClaimReviews.",
    ),
    OpenApiExample("CSV", value=CSV_EXAMPLE, request_only=True, media_type="text/csv"),
]

DESCRIPTION = f"""An archive of published fact-checks, to match claims against from the start.
Each item becomes a claim of the workspace (`text`: `claimReviewed`; `claimant`:
`itemReviewed.author.name`; `claim_date`: `itemReviewed.datePublished`; `review_url`: `url`;
`language`: `inLanguage`) with a verdict published as it was: `published_at` is
`datePublished`; the rating is the one whose slug or label `reviewRating.alternateName` is
(case-insensitively), else one made for it outside the ordinal scale (no value), for staff to
place; the explanation is `reviewBody`, else `headline`; the one source is the fact-check's
url, titled with its headline; `publisher_name` and `publisher_url` are the review's
`author` (else its `publisher`), which the ClaimReview feed then shows as its author. You
become the claims' creator and the verdicts' reviewer. Editors of the workspace only.

**Bodies.** `application/ld+json` or `application/json`: a ClaimReview, a list of them, or
a schema.org DataFeed whose `dataFeedElement` lists them: what `GET /api/v1/claimreviews/`
and `GET /api/v1/claims/{{id}}/claimreview/` give, so that one installation's feed imports
into another unchanged. `text/csv` (UTF-8 unless a `charset` is named): the file itself as
the body (`curl --data-binary @archive.csv -H 'Content-Type: text/csv'`; multipart forms are
not taken), with a header row naming `claim`, `claimant`, `date` (when the fact-check was
published), `rating`, `url` and `headline`, and optionally `claim_date`, `publisher`,
`publisher_url` and `language`. Dates are ISO 8601; a date alone is the start of that day
(UTC, the server's time zone).

**Items.** At most {MAX_ITEMS} per request (page through a feed with `?page_size=200`, or use
`manage.py import_claimreviews` for a whole archive). Idempotent by url: an item whose url a
claim of the workspace has already (its `review_url`, or its page on this installation) is
reported `exists` and nothing is changed. Each item is reported `created`, `exists` or
`rejected` with `errors` naming `<index>.<field>` (the field a path in the ClaimReview, or a
CSV column); a rejected item does not stop the others. All of it is one transaction."""


# --- The view --------------------------------------------------------------------------------


class ClaimReviewImportView(APIView):
    """Claims with their published verdicts from an archive of fact-checks."""

    parser_classes = [JSONLDParser, JSONParser, CSVParser]

    @extend_schema(
        summary="Import published fact-checks (ClaimReview JSON-LD or CSV)",
        description=DESCRIPTION,
        operation_id="claimreviews_import",
        parameters=[ArchiveImportQuerySerializer],
        request={
            JSONLDParser.media_type: DOCUMENT_SCHEMA,
            JSONParser.media_type: DOCUMENT_SCHEMA,
            CSVParser.media_type: CSV_SCHEMA,
        },
        responses={
            200: ArchiveReportSerializer,
            (400, CONTENT_TYPE): OpenApiResponse(
                ProblemSerializer,
                description="Nothing was imported: the workspace is not one of yours; the body "
                "does not parse, is not a ClaimReview, a list or a DataFeed, or is CSV "
                f"without the columns needed; or it holds more than {MAX_ITEMS} items.",
                examples=[
                    OpenApiExample(
                        "Too many items",
                        value=validation_problem({"dataFeedElement": [too_many(1200)]}),
                    ),
                    OpenApiExample(
                        "A CSV column missing",
                        value=validation_problem(
                            {"rating": ["The header row has no rating column."]}
                        ),
                    ),
                ],
            ),
        },
        examples=[*REQUEST_EXAMPLES, *examples.ARCHIVE_REPORT_EXAMPLES],
    )
    def post(self, request: Request) -> Response:
        workspace = read_query(ArchiveImportQuerySerializer, request)["workspace"]
        access.require_role(request.user, workspace.pk, interop_services.ARCHIVE_IMPORT_ROLES)
        entries = self.entries(request)
        # IsAuthenticated: the caller is a user.
        user = cast("User", request.user)
        results = interop_services.claimreviews_import(workspace, entries, by=user)
        counts = Counter(result.status for result in results)
        report = {status: counts[status] for status in ("created", "exists", "rejected")}
        return Response(ArchiveReportSerializer({**report, "results": results}).data)

    def entries(self, request: Request) -> list[archive.Entry]:
        """The body's items, each read: ClaimReviews, or the rows of a CSV."""
        data = request.data
        read: Callable[[Any], archive.ArchivedFactCheck] = archive.read_claim_review
        if request.content_type.split(";")[0].strip().lower() == CSVParser.media_type:
            rows: list[list[str]] = data if isinstance(data, list) else []
            header = archive.CsvHeader.of(rows)
            items, read = header.rows(rows), header.read
        else:
            items = archive.archive_items(data)
        if len(items) > MAX_ITEMS:
            field = next((key for key in LISTS if isinstance(data, dict) and key in data), None)
            message = too_many(len(items))
            raise serializers.ValidationError({field: [message]} if field else [message])
        return archive.read_each(read, items)
