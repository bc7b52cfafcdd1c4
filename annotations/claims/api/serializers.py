"""What the claim endpoints read: a text to match, a claim to link."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from annotations.api.serializers import (
    StrictCharField,
    VisiblePrimaryKeyField,
)
from annotations.claims.models import Claim


class SimilarClaimsQuerySerializer(serializers.Serializer[Any]):
    text = StrictCharField(max_length=5000, help_text="The claim as you met it.")
    workspace = serializers.SlugField(
        required=False, help_text="Only claims of this workspace (by default: all of yours)."
    )
    limit = serializers.IntegerField(min_value=1, max_value=50, default=10)


class ClaimLinkSerializer(serializers.Serializer[Any]):
    other = VisiblePrimaryKeyField(
        queryset=Claim.objects.all(), help_text="Id of the claim that is the same claim."
    )
