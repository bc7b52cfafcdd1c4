"""Published fact-checks as schema.org ClaimReview JSON-LD: one claim's, and a public
DataFeed of all of them for aggregators."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Max
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api import examples
from annotations.api.viewsets import iri_for
from annotations.articles.models import Article
from annotations.interop import claimreview, selectors
from annotations.interop.serializers import ClaimReviewFeedSerializer, ClaimReviewSerializer
from annotations.review.models import Verdict
from factcheck.http.pagination import PageNumberPagination
from factcheck.http.parameters import read_query
from factcheck.http.renderers import JSONLDRenderer, JSONRenderer


class ClaimReviewAPIView(APIView):
    """Public JSON-LD views: JSON-LD by default, plain JSON on request, errors as problem
    documents whatever was accepted."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONLDRenderer, JSONRenderer]

    def reviews(self, verdicts: list[Verdict]) -> list[dict[str, Any]]:
        scale = selectors.rating_scale()
        iri_of = iri_for(self.request)

        def iri(article: Article) -> str:
            return str(iri_of("article", article.pk))

        linked = selectors.linked_claims(verdicts)
        return [
            claimreview.claim_review(
                verdict.claim,
                verdict,
                article_iri=iri,
                scale=scale,
                linked=linked.get(verdict.claim.group, []),
            )
            for verdict in verdicts
        ]


# --- Examples for the schema ----------------------------------------------------------------

CLAIM_REVIEW_EXAMPLE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": f"https://factcheck.example/claims/{examples.CLAIM_ID}/",
    "claimReviewed": "Unemployment fell to 3% in May.",
    "datePublished": "2024-06-14",
    "author": {
        "@type": "Organization",
        "name": "factcheck",
        "url": "https://factcheck.example",
    },
    "reviewRating": {
        "@type": "Rating",
        "alternateName": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    },
    "reviewBody": "Official statistics show 4.1%.",
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "The minister"},
        "datePublished": "2024-06-12",
        "appearance": [
            {
                "@type": "CreativeWork",
                "url": "https://news.example/2024/06/jobs",
                "headline": "Minister hails jobs figures",
                "datePublished": "2024-06-13T12:00:00Z",
            }
        ],
        "firstAppearance": {
            "@type": "CreativeWork",
            "url": "https://news.example/2024/06/jobs",
            "headline": "Minister hails jobs figures",
            "datePublished": "2024-06-13T12:00:00Z",
        },
    },
}

FEED_EXAMPLE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "dateModified": "2024-06-14T09:30:00Z",
    "count": 1,
    "next": None,
    "previous": None,
    "dataFeedElement": [CLAIM_REVIEW_EXAMPLE],
}

CLAIM_REVIEW_DESCRIPTION = (
    "A schema.org ClaimReview (JSON-LD): `url` (the fact-check page: the claim's `review_url`, "
    "else FACTCHECK_SITE_URL + `/claims/{id}/`), `claimReviewed` (the claim text), "
    "`datePublished` (the day the verdict was published), `author` (the fact-checking "
    "Organization: FACTCHECK_ORG_NAME and FACTCHECK_ORG_URL, or for a fact-check imported "
    "from another organisation's ClaimReview, the verdict's `publisher_name` and "
    "`publisher_url`), `reviewRating` (`alternateName` = the rating's label; for ordinal ratings "
    "also `ratingValue`, `bestRating` and `worstRating` from the rating scale), `reviewBody` "
    "(the verdict's explanation) and `itemReviewed`: the Claim, with its claimant as `author` "
    "(an Organization when a word of the name is one such as Ministry, Party, Inc, Agency; "
    "else a Person; absent without a claimant), the claim date as `datePublished`, and a "
    "CreativeWork per article the claim's spans are in as `appearance` (earliest published "
    "first, articles without a date last; `url` is the article's url, else its API IRI) and "
    "`firstAppearance`."
)


class ClaimReviewView(ClaimReviewAPIView):
    """One claim's published fact-check as ClaimReview JSON-LD."""

    @extend_schema(
        summary="Get a claim's ClaimReview",
        description=(
            "The claim's published verdict as schema.org ClaimReview JSON-LD "
            "(`application/ld+json`; `Accept: application/json` for plain JSON). Public: "
            "no authentication needed. 404 unless the claim has a published verdict; "
            "superseded verdicts are never shown."
        ),
        parameters=[
            OpenApiParameter(
                "id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The claim's id."
            )
        ],
        responses={
            200: OpenApiResponse(
                ClaimReviewSerializer,
                description=CLAIM_REVIEW_DESCRIPTION,
                examples=[
                    OpenApiExample("ClaimReview", value=CLAIM_REVIEW_EXAMPLE, response_only=True)
                ],
            )
        },
    )
    def get(self, request: Request, pk: UUID) -> Response:
        # Published fact-checks are public, to members of any workspace as to anonymous
        # readers (the feed lists them all); unpublished claims are never shown here.
        verdict = selectors.published_verdict_of(pk)
        if verdict is None:
            raise exceptions.NotFound("No published fact-check for this claim.")
        return Response(self.reviews([verdict])[0])


SINCE_HELP = (
    "Only fact-checks published at or after this ISO 8601 date (`2024-06-01`, from the start "
    "of that day, UTC) or date-time (`2024-06-01T12:00:00Z`; percent-encode a `+` offset)."
)


class FeedQuerySerializer(serializers.Serializer[Any]):
    since = serializers.DateTimeField(required=False, help_text=SINCE_HELP)


class ClaimReviewFeedView(ClaimReviewAPIView):
    """Every published fact-check as a schema.org DataFeed of ClaimReviews."""

    pagination_class = PageNumberPagination
    # A bad `since` or page size; a page past the last.
    extra_error_codes = ("400", "404")

    @extend_schema(
        operation_id="claimreviews_feed",
        summary="Feed of published ClaimReviews",
        description=(
            "Every published fact-check of every workspace, newest first (by the verdict's "
            "publication), as a schema.org DataFeed whose `dataFeedElement` items are "
            "ClaimReviews as `GET /api/v1/claims/{id}/claimreview/` gives them. "
            "`dateModified` is the newest publication in the feed (null when empty); `count`, "
            "`next` and `previous` page through it. Public: no authentication needed. "
            "JSON-LD (`application/ld+json`), or plain JSON with `Accept: application/json`."
        ),
        parameters=[
            FeedQuerySerializer,
            OpenApiParameter(
                "page", OpenApiTypes.INT, description="A page number within the feed."
            ),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description="Results per page, 200 at most: larger values are capped.",
            ),
        ],
        responses={
            200: OpenApiResponse(
                ClaimReviewFeedSerializer,
                description=(
                    "A schema.org DataFeed: `@context`, `@type` (`DataFeed`), `dateModified`, "
                    "`count`, `next`, `previous` and `dataFeedElement` (ClaimReviews). "
                    + CLAIM_REVIEW_DESCRIPTION
                ),
                examples=[OpenApiExample("DataFeed", value=FEED_EXAMPLE, response_only=True)],
            )
        },
    )
    def get(self, request: Request) -> Response:
        params = read_query(FeedQuerySerializer, request)
        verdicts = selectors.published_verdicts(since=params.get("since"))
        newest = verdicts.aggregate(newest=Max("published_at"))["newest"]
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(verdicts.order_by("-published_at", "-pk"), request, self)
        page_obj = getattr(paginator, "page", None)
        count = page_obj.paginator.count if page_obj is not None else 0
        return Response(
            {
                "@context": claimreview.CONTEXT,
                "@type": "DataFeed",
                "dateModified": claimreview.iso_datetime(newest) if newest else None,
                "count": count,
                "next": paginator.get_next_link(),
                "previous": paginator.get_previous_link(),
                "dataFeedElement": self.reviews(page or []),
            }
        )
