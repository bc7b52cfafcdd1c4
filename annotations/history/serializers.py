"""A row's history as the API shows it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples


@extend_schema_field(
    {
        "anyOf": [
            {"type": "string", "description": "Text, an id, a date or a date-time."},
            {"type": "number", "description": "A count or an offset; a user's number."},
            {"type": "boolean"},
            {
                "type": "array",
                "items": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Source"}]},
                "description": "Ids (a claim's spans), or a verdict's sources.",
            },
        ],
        "nullable": True,
    }
)
class HistoryValueField(serializers.JSONField):
    """A field's value as history keeps it: the column's value (a relation's by its id)."""


class ChangeSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(
        help_text="The field's name; a relation's value is the related row's id or slug."
    )
    before = HistoryValueField(allow_null=True, help_text="Null on creation.")
    after = HistoryValueField(allow_null=True, help_text="Null on deletion.")


@extend_schema_serializer(examples=examples.HISTORY_EXAMPLES)
class HistoryEntrySerializer(serializers.Serializer[Any]):
    """One recorded change of a row."""

    history_id = serializers.IntegerField()
    action = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    at = serializers.DateTimeField()
    user = serializers.CharField(allow_null=True, help_text="Who made the change.")
    request_id = serializers.CharField(help_text="The X-Request-ID of the request that made it.")
    changes = ChangeSerializer(many=True)
