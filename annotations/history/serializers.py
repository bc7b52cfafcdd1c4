"""A row's history as the API shows it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples


class ChangeSerializer(serializers.Serializer[Any]):
    field = serializers.CharField()
    before = serializers.JSONField(allow_null=True, help_text="Null on creation.")
    after = serializers.JSONField(allow_null=True, help_text="Null on deletion.")


@extend_schema_serializer(examples=examples.HISTORY_EXAMPLES)
class HistoryEntrySerializer(serializers.Serializer[Any]):
    """One recorded change of a row."""

    history_id = serializers.IntegerField()
    action = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    at = serializers.DateTimeField()
    user = serializers.CharField(allow_null=True, help_text="Who made the change.")
    request_id = serializers.CharField(help_text="The X-Request-ID of the request that made it.")
    changes = ChangeSerializer(many=True)
