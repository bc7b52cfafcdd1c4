"""An import of Web Annotations, and its report."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples
from annotations.api.serializers import (
    VisiblePrimaryKeyField,
)
from annotations.articles.models import Article


class AnnotationImportSerializer(serializers.Serializer[Any]):
    article = VisiblePrimaryKeyField(
        queryset=Article.objects.all(), help_text="The article the annotations are on."
    )
    annotations = serializers.ListField(
        child=serializers.JSONField(),
        allow_empty=False,
        max_length=1000,
        help_text="W3C Web Annotations, or annotations as Hypothesis exports them.",
    )


class ImportResultSerializer(serializers.Serializer[Any]):
    index = serializers.IntegerField()
    id = serializers.CharField(help_text="The annotation's id, if it had one.")
    status = serializers.ChoiceField(choices=["created", "exists", "rejected"])
    span = serializers.UUIDField(source="span.pk", allow_null=True, default=None)
    reason = serializers.CharField(help_text="Why a rejected annotation was rejected.")


@extend_schema_serializer(examples=examples.IMPORT_EXAMPLES)
class ImportReportSerializer(serializers.Serializer[Any]):
    results = ImportResultSerializer(many=True)
