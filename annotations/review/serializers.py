"""Verdicts and the rating scale as the API and the exports show them."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples
from annotations.api.serializers import (
    FixedAfterCreationMixin,
    ModelSerializer,
    StrictCharField,
    StrictSlugRelatedField,
    StrictURLField,
    VisiblePrimaryKeyField,
    acting_user,
)
from annotations.claims.models import Claim
from annotations.review.models import Rating, Verdict, VerdictState, verdict_completeness_errors


class SourceSerializer(serializers.Serializer[dict[str, str]]):
    url = StrictURLField(max_length=2000)
    title = StrictCharField(max_length=500, allow_blank=True, required=False, default="")


@extend_schema_serializer(examples=examples.VERDICT_EXAMPLES)
class VerdictSerializer(FixedAfterCreationMixin, ModelSerializer[Verdict]):
    claim = VisiblePrimaryKeyField(
        queryset=Claim.objects.all(), help_text="Id of the claim; fixed at creation."
    )
    reviewer = serializers.CharField(source="reviewer.username", read_only=True)
    rating = StrictSlugRelatedField(
        slug_field="slug", queryset=Rating.objects.all(), help_text="Slug of a rating."
    )
    sources = serializers.ListField(
        child=SourceSerializer(), required=False, help_text="Where the evidence is."
    )
    state = serializers.ChoiceField(choices=VerdictState.choices, read_only=True)
    # Blank unless imported from another organisation: declared, since a read-only field built
    # from the model would drop allow_blank and the schema would promise a URL.
    publisher_url = serializers.URLField(
        read_only=True,
        allow_blank=True,
        help_text="The publisher's site, with publisher_name; blank for your own fact-checks.",
    )

    class Meta:
        model = Verdict
        fields = [
            "id",
            "claim",
            "reviewer",
            "rating",
            "explanation",
            "sources",
            "state",
            "submitted_at",
            "published_at",
            "publisher_name",
            "publisher_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["submitted_at", "published_at", "publisher_name"]
        fixed_after_creation = ["claim"]

    def validate_claim(self, claim: Claim) -> Claim:
        if self.instance is not None:
            return claim
        reviewer = acting_user(self.context)
        existing = Verdict.objects.filter(claim=claim, reviewer=reviewer).first()
        if existing is not None:
            raise serializers.ValidationError(
                f"You already have a verdict on this claim ({existing.pk}); change that one."
            )
        return claim

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        verdict = self.instance
        if verdict is not None and verdict.state != VerdictState.DRAFT:
            errors = verdict_completeness_errors(
                attrs.get("explanation", verdict.explanation), attrs.get("sources", verdict.sources)
            )
            if errors:
                raise serializers.ValidationError(errors)
        return attrs


@extend_schema_serializer(examples=examples.RATING_EXAMPLES)
class RatingSerializer(FixedAfterCreationMixin, ModelSerializer[Rating]):
    class Meta:
        model = Rating
        fields = ["slug", "label", "description", "value"]
        fixed_after_creation = ["slug"]
        extra_kwargs = {
            "value": {
                "help_text": "Position on the ordinal scale, higher is more accurate; "
                "null for ratings outside the scale."
            }
        }
