"""Claims as the API and the exports show them, and the claims that read like a text."""

from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples
from annotations.api.serializers import (
    ModelSerializer,
    VisiblePrimaryKeyField,
    WorkspaceFieldMixin,
)
from annotations.articles.models import Span
from annotations.claims.models import Claim, ClaimStatus


class PublishedVerdictSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    claim = serializers.UUIDField(source="claim_id", help_text="The claim it was published on.")
    rating = serializers.CharField(source="rating_id")
    rating_label = serializers.CharField(source="rating.label")
    published_at = serializers.DateTimeField()


class MatchedTermSerializer(serializers.Serializer[Any]):
    term = serializers.CharField(
        help_text="A term of the text as the index reads words (lower case, stemmed in the "
        "claim's language: `appli` for applied)."
    )
    weight = serializers.FloatField(
        help_text="Its part of the lexical score: rarer terms, and terms of the text itself "
        "rather than of its links, handles or signature, weigh more."
    )


class MatchStagesSerializer(serializers.Serializer[Any]):
    lexical = serializers.FloatField(
        help_text="BM25 over the claim's text and claimant; the ranking's order when matching "
        "is lexical only."
    )
    semantic = serializers.FloatField(
        allow_null=True,
        help_text="The cosine similarity, in [-1, 1], of the sentence vectors of the text and "
        "the claim, by the installation's embedding model; the order then fuses both stages' "
        "ranks (reciprocal rank fusion). Null when no model is configured (matching is "
        "lexical only) or the claim has no vector yet.",
    )


class MatchExplanationSerializer(serializers.Serializer[Any]):
    terms = MatchedTermSerializer(many=True, help_text="The terms shared, heaviest first.")
    stages = MatchStagesSerializer(help_text="Each stage's score.")


class SimilarClaimSerializer(serializers.Serializer[Any]):
    """A claim that reads like the text given, and its fact-check if it has one."""

    id = serializers.UUIDField(source="claim.pk")
    text = serializers.CharField(source="claim.text")
    claimant = serializers.CharField(source="claim.claimant")
    claim_date = serializers.DateField(source="claim.claim_date", allow_null=True)
    group = serializers.UUIDField(source="claim.group", allow_null=True)
    score = serializers.FloatField(
        help_text="How much of the claim the text holds, in [0, 1], each term weighed by its "
        "rarity: 1 when every word of the claim is in the text, whatever else it says."
    )
    explanation = MatchExplanationSerializer(help_text="Why it matched.")
    published_verdict = PublishedVerdictSerializer(
        allow_null=True,
        help_text="The published verdict of the claim or of a claim linked to it; null if "
        "it was not checked.",
    )


@extend_schema_serializer(examples=examples.CLAIM_EXAMPLES)
class ClaimSerializer(WorkspaceFieldMixin, ModelSerializer[Claim]):
    spans = VisiblePrimaryKeyField(
        queryset=Span.objects.select_related("article"),
        many=True,
        required=False,
        help_text="Ids of the spans where the claim appears; all in the claim's workspace.",
    )
    articles = serializers.SerializerMethodField(
        help_text="Ids of the articles the claim's spans are in."
    )
    status = serializers.ChoiceField(choices=ClaimStatus.choices, read_only=True)
    verdict_count = serializers.IntegerField(read_only=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "workspace",
            "text",
            "claimant",
            "claim_date",
            "language",
            "review_url",
            "spans",
            "articles",
            "group",
            "status",
            "verdict_count",
            "created_by",
            "created_at",
            "updated_at",
        ]
        fixed_after_creation = ["workspace"]
        read_only_fields = ["group"]

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_articles(self, claim: Claim) -> list[uuid.UUID]:
        return sorted({span.article_id for span in claim.spans.all()}, key=str)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        spans: list[Span] = attrs.get("spans", [])
        span_workspaces = {span.article.workspace_id for span in spans}
        if len(span_workspaces) > 1:
            raise serializers.ValidationError(
                {"spans": "All spans of a claim must belong to one workspace."}
            )
        if self.instance is None and "workspace" not in attrs and spans:
            attrs["workspace"] = spans[0].article.workspace
        attrs["workspace"] = self.default_workspace(attrs)
        if span_workspaces and span_workspaces != {attrs["workspace"].pk}:
            raise serializers.ValidationError(
                {"spans": "All spans must belong to the claim's workspace."}
            )
        return attrs


@extend_schema_serializer(examples=examples.CLAIM_CREATED_EXAMPLES)
class ClaimCreatedSerializer(ClaimSerializer):
    """A new claim, with the existing claims it may duplicate."""

    similar_claims = SimilarClaimSerializer(
        many=True,
        read_only=True,
        help_text="Existing claims of the workspace that match this one (likely duplicates: "
        "score at least FACTCHECK_DUPLICATE_SIMILARITY), best first; empty when none does.",
    )

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "similar_claims"]
