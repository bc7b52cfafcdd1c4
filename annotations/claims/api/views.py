"""Claims, the claims checked before, and claims linked as one."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import QuerySet
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from annotations.api import examples
from annotations.api.viewsets import (
    WorkspaceScopedViewSet,
    summaries,
)
from annotations.claims import embedding, selectors, services
from annotations.claims.api import filters
from annotations.claims.api.serializers import ClaimLinkSerializer, SimilarClaimsQuerySerializer
from annotations.claims.models import Claim
from annotations.claims.serializers import (
    ClaimCreatedSerializer,
    ClaimSerializer,
    SimilarClaimSerializer,
)
from factcheck.http.parameters import read_query

REGROUPING_RULE = (
    "Annotators link and unlink the claims they created; editors any claim. When a claim of "
    "either group has a published verdict, the change alters the public ClaimReview feed and "
    "only an editor may make it (403 otherwise)."
)


@extend_schema_view(
    **summaries(
        "a claim",
        "claims",
        create={"request": ClaimSerializer, "responses": {201: ClaimCreatedSerializer}},
    )
)
class ClaimViewSet(WorkspaceScopedViewSet):
    """Checkable statements, cited by spans in one or more articles of a workspace."""

    report_serializers: ClassVar[dict[str, type[serializers.BaseSerializer[Any]]]] = {
        "create": ClaimCreatedSerializer
    }

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        super().perform_create(serializer)
        claim: Claim = serializer.instance  # type: ignore[assignment]
        services.embed_claims([claim])
        claim.similar_claims = selectors.likely_duplicates(claim)  # type: ignore[attr-defined]

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        super().perform_update(serializer)
        if embedding.SENTENCE_FIELDS & serializer.validated_data.keys():
            services.embed_claims([serializer.instance])  # type: ignore[list-item]

    @extend_schema(
        summary="Find claims checked before",
        description=(
            "Existing claims of your workspaces ranked by how well they match `text` (BM25 "
            "over each claim's text and claimant, and less over its linked claims' texts, its "
            "published fact-check and its articles' titles, rare terms weighing most; fused "
            "with the similarity of meaning where the installation has an embedding model), "
            "each with its score in [0, 1], why it matched, and its published verdict, or a "
            "linked claim's, if it was checked. `text` may be a social-media post or a news "
            "sentence as it arrives: links, @handles, hashtags (#PizzaVendingMachine) and an "
            "embedded post's signature are read and weighed by kind."
        ),
        parameters=[SimilarClaimsQuerySerializer],
        responses=SimilarClaimSerializer(many=True),
        examples=examples.SIMILAR_CLAIMS_EXAMPLES,
        filters=False,
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def similar(self, request: Request) -> Response:
        params = read_query(SimilarClaimsQuerySerializer, request)
        found = selectors.claims_checked_before(
            params["text"], request.user, workspace=params.get("workspace"), limit=params["limit"]
        )
        return Response(SimilarClaimSerializer(found, many=True).data)

    @extend_schema(
        summary="Link a claim to another as the same claim",
        description=(
            "The two claims (and the claims already linked to either) become one group, "
            "shown as `group`; a published verdict of any of them is shared in the ClaimReview "
            "feed. List a group with `?group=`. " + REGROUPING_RULE
        ),
        request=ClaimLinkSerializer,
        examples=examples.CLAIM_LINK_EXAMPLES,
    )
    @action(detail=True, methods=["post"])
    def link(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        link = ClaimLinkSerializer(data=request.data, context=self.get_serializer_context())
        link.is_valid(raise_exception=True)
        services.claim_link(claim, link.validated_data["other"], by=request.user)  # type: ignore[arg-type]
        return Response(self.get_serializer(self.get_queryset().get(pk=claim.pk)).data)

    @extend_schema(
        summary="Unlink a claim from its group",
        description="The claim leaves its group; a group left with one claim is no group. "
        + REGROUPING_RULE,
        request=None,
    )
    @action(detail=True, methods=["post"])
    def unlink(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        services.claim_unlink(claim, by=request.user)  # type: ignore[arg-type]
        return Response(self.get_serializer(self.get_queryset().get(pk=claim.pk)).data)

    # The services lock what they change, in an order of their own.
    actions_locking_for_themselves = frozenset({"link", "unlink"})

    serializer_class = ClaimSerializer
    filterset_class = filters.ClaimFilter
    history_relations: ClassVar[dict[str, tuple[str, str]]] = {
        "spans": ("historicalclaimspan_set", "span_id")
    }
    search_fields = ["text", "claimant"]
    ordering_fields = ["created_at", "updated_at", "claim_date"]

    def select(self, user: Any) -> QuerySet[Claim]:
        return selectors.claims_for(user)
