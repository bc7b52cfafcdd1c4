"""Agreement between reviewers: its parameters and its figures."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples


class AgreementQuerySerializer(serializers.Serializer[Any]):
    workspace = serializers.SlugField(required=False, help_text="Only this workspace.")
    article = serializers.UUIDField(required=False, help_text="Claims cited in this article.")
    claimant = serializers.CharField(required=False, help_text="Claimant contains this text.")
    since = serializers.DateField(required=False, help_text="Verdicts submitted on or after.")
    until = serializers.DateField(required=False, help_text="Verdicts submitted on or before.")
    min_common = serializers.IntegerField(
        required=False,
        default=3,
        min_value=1,
        help_text="Pairs of reviewers need this many claims rated by both to get a kappa.",
    )


class PairKappaSerializer(serializers.Serializer[Any]):
    reviewer_a = serializers.CharField()
    reviewer_b = serializers.CharField()
    common_claims = serializers.IntegerField(source="common")
    kappa = serializers.FloatField(allow_null=True, help_text="Null when undefined.")


class KrippendorffAlphaSerializer(serializers.Serializer[Any]):
    alpha = serializers.FloatField(
        allow_null=True, help_text="Null when undefined (too few ratings, or one value only)."
    )
    claims = serializers.IntegerField(help_text="Claims with two or more ratings.")
    verdicts = serializers.IntegerField(help_text="The ratings of those claims.")


@extend_schema_serializer(examples=examples.AGREEMENT_EXAMPLES)
class AgreementSerializer(serializers.Serializer[Any]):
    """Agreement between reviewers over submitted (and published) verdicts."""

    nominal = KrippendorffAlphaSerializer(
        help_text="Krippendorff's alpha, every rating its own category."
    )
    ordinal = KrippendorffAlphaSerializer(
        help_text="Krippendorff's alpha over the ordinal ratings only, ordered by value."
    )
    pairs = PairKappaSerializer(many=True, help_text="Cohen's kappa for each pair of reviewers.")
