"""An import of Web Annotations, and of an archive of fact-checks; their reports."""

from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples
from annotations.api.serializers import VisiblePrimaryKeyField, VisibleWorkspaceField
from annotations.articles.models import Article
from annotations.workspaces import access
from annotations.workspaces.models import Workspace
from factcheck.http.schema import FieldErrorSerializer


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


# --- An archive of published fact-checks ------------------------------------------------------


class WorkspaceSlugOrIdField(VisibleWorkspaceField):
    """A workspace of the caller's by its slug, or else by its id."""

    def to_internal_value(self, data: Any) -> Any:
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError:
            workspace_id = _uuid_or_none(data)
            if workspace_id is None:
                raise
            workspace = self.get_queryset().filter(pk=workspace_id).first()
            if workspace is None:
                raise
            return workspace


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


class ArchiveImportQuerySerializer(serializers.Serializer[Any]):
    workspace = WorkspaceSlugOrIdField(
        slug_field="slug",
        queryset=Workspace.objects.all(),
        required=False,
        help_text="Slug (or id) of the workspace to import into; you must be one of its "
        "editors. May be omitted by a user who belongs to exactly one workspace.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "workspace" not in attrs:
            attrs["workspace"] = access.default_workspace(self.context["request"].user)
            if attrs["workspace"] is None:
                raise serializers.ValidationError(
                    {"workspace": "This field is required when you belong to several workspaces."}
                )
        return attrs


class ArchiveResultSerializer(serializers.Serializer[Any]):
    index = serializers.IntegerField(
        help_text="The item's place in the archive, from 0: in the list (a DataFeed's "
        "`dataFeedElement`), or among the CSV rows after the header that are not blank."
    )
    status = serializers.ChoiceField(
        choices=["created", "exists", "rejected"],
        help_text="`created`: a claim and its published verdict; `exists`: a claim of the "
        "workspace has this url already (imported before), nothing was changed; `rejected`: "
        "see `errors`, nothing was stored.",
    )
    url = serializers.CharField(help_text="The fact-check's url; empty when rejected.")
    claim = serializers.UUIDField(
        allow_null=True, help_text="The claim made, or the one with this url; null if rejected."
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        # Declared here because a class attribute would shadow Serializer.errors.
        fields["errors"] = FieldErrorSerializer(
            many=True,
            help_text="Rejected items only: each field at fault, as `<index>.<field>` (a "
            "dotted path in the ClaimReview, or the CSV column), or `<index>` for the item "
            "as a whole.",
        )
        return fields


@extend_schema_serializer(examples=examples.ARCHIVE_REPORT_EXAMPLES)
class ArchiveReportSerializer(serializers.Serializer[Any]):
    created = serializers.IntegerField(help_text="How many items were created.")
    exists = serializers.IntegerField(help_text="How many were there already.")
    rejected = serializers.IntegerField(help_text="How many were rejected.")
    results = ArchiveResultSerializer(many=True, help_text="One per item, in order.")
