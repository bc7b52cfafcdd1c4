"""The viewsets every domain's API builds on: CRUD over the caller's workspaces, with ETags,
history, bulk creation and ``Location`` on creation."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import (
    extend_schema,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from annotations.api.permissions import WorkspaceRolePermission
from annotations.history.entries import history_entries
from annotations.history.serializers import HistoryEntrySerializer
from annotations.workspaces import access
from annotations.workspaces.models import Workspace
from factcheck.http.conditional import ConditionalUpdateMixin

CRUD = ("list", "create", "retrieve", "update", "partial_update", "destroy")


def iri_for(request: Request) -> Any:
    """``iri(kind, pk)``: the absolute IRI of a resource, for linked data."""
    return lambda kind, pk: request.build_absolute_uri(reverse(f"{kind}-detail", args=[pk]))


def summaries(noun: str, plural: str, **extra: Any) -> dict[str, Any]:
    """``extend_schema_view`` arguments giving each CRUD operation a summary."""
    texts = {
        "list": f"List {plural}",
        "create": f"Create {noun}",
        "retrieve": f"Get {noun}",
        "update": f"Replace {noun}",
        "partial_update": f"Change {noun}",
        "destroy": f"Delete {noun}",
    }
    return {name: extend_schema(summary=texts[name], **extra.get(name, {})) for name in CRUD}


def bulk_create_action(noun: str, serializer: Any, example_field: str) -> Any:
    """``POST …/bulk/`` for a viewset: ``WorkspaceScopedViewSet.create_many``, documented."""

    @extend_schema(
        summary=f"Create many {noun}",
        description=(
            f"Up to 1,000 {noun}, each validated as for a single creation; all or nothing. "
            "A rejected batch answers 400 naming each failing item by its index "
            f"(`errors[].field` like `{example_field}`)."
        ),
        request=serializer(many=True),
        responses={201: serializer(many=True)},
        filters=False,
    )
    @action(
        detail=False, methods=["post"], url_path="bulk", filter_backends=[], pagination_class=None
    )
    def bulk(self: WorkspaceScopedViewSet, request: Request) -> Response:
        return self.create_many(request)

    return bulk


class LocatedCreateMixin(viewsets.GenericViewSet[Any]):
    """A creation answers with ``Location``: the new resource's URL. (DRF would copy a field
    named ``url`` there, which for an article is the news page it came from.)"""

    location_field = "id"
    """The field of the representation that is the new resource's lookup value."""

    def get_success_headers(self, data: Any) -> dict[str, str]:
        lookup = {self.lookup_url_kwarg or self.lookup_field: data[self.location_field]}
        path = reverse(f"{self.basename}-detail", kwargs={**self.kwargs, **lookup})
        return {"Location": self.request.build_absolute_uri(path)}


class SelectedRows(viewsets.GenericViewSet[Any]):
    """A viewset's rows are what its domain's selector gives the caller (``select``): reads go
    through selectors, the view only adds what HTTP needs (locks for changes, filters, pages).
    Placed after the mixins that refine ``get_queryset``, so that they refine these rows."""

    def get_queryset(self) -> QuerySet[Any]:
        return self.select(self.request.user)

    def select(self, user: Any) -> QuerySet[Any]:
        raise NotImplementedError


class WorkspaceScopedViewSet(
    LocatedCreateMixin, ConditionalUpdateMixin, SelectedRows, viewsets.ModelViewSet[Any]
):
    """CRUD over rows of the requesting user's workspaces.

    Subclasses define ``select`` (their domain's selector: the rows of the caller's
    workspaces), and set ``creator_roles`` (who may create), ``owner_field`` (who owns a row)
    and ``workspace_field`` (the validated field that places a new row in a workspace).
    """

    permission_classes = [
        IsAuthenticated,
        WorkspaceRolePermission,
    ]
    creator_roles = access.ROLES_THAT_ANNOTATE
    owner_field = "created_by"
    workspace_field = "workspace"
    report_serializers: ClassVar[dict[str, type[serializers.BaseSerializer[Any]]]] = {}
    """Actions whose response also reports on what they did (a new claim's likely
    duplicates): the serializer with those fields. The fields it adds to ``serializer_class``
    are the ``change_report_fields`` the ETag leaves out."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.report_serializers:
            resource = set(cls.serializer_class.Meta.fields)  # type: ignore[union-attr]
            cls.change_report_fields = frozenset(
                field
                for report in cls.report_serializers.values()
                for field in report.Meta.fields  # type: ignore[attr-defined]
                if field not in resource
            )

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Any]]:
        return self.report_serializers.get(self.action) or super().get_serializer_class()

    def _workspace_of(self, validated: dict[str, Any]) -> Any:
        placed_in = validated[self.workspace_field]
        return placed_in.pk if isinstance(placed_in, Workspace) else placed_in.workspace_id

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        workspace_id = self._workspace_of(serializer.validated_data)
        access.require_role(self.request.user, workspace_id, self.creator_roles)
        instance = serializer.save(**{self.owner_field: self.request.user})
        if self.read_back_created:
            self._reload(serializer, instance)

    max_bulk = 1000
    read_back_created = True
    """Whether a creation answers with the rows read back from the database (for fields it
    computes, such as counts) rather than with the rows as created."""

    def create_many(self, request: Request) -> Response:
        """Up to ``max_bulk`` creations in one request, all or nothing, errors by index."""
        batch = self.get_serializer(
            data=request.data, many=True, allow_empty=False, max_length=self.max_bulk
        )
        batch.is_valid(raise_exception=True)
        for workspace_id in {self._workspace_of(item) for item in batch.validated_data}:
            access.require_role(request.user, workspace_id, self.creator_roles)
        rows = batch.save(**{self.owner_field: request.user})
        if self.read_back_created:
            saved = self.get_queryset().in_bulk([row.pk for row in rows])
            rows = [saved[row.pk] for row in rows]
        return Response(self.get_serializer(rows, many=True).data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        self._reload(serializer, serializer.save())

    def _reload(self, serializer: serializers.BaseSerializer[Any], instance: Any) -> None:
        # The response shows computed fields (counts, status) as a later read would.
        serializer.instance = self.get_queryset().get(pk=instance.pk)

    # Many-to-many fields whose history is kept: name -> (historical rows, id attribute).
    history_relations: ClassVar[dict[str, tuple[str, str]]] = {}

    @extend_schema(
        summary="History of changes",
        description=(
            "Every creation, change and deletion, newest first: who, when, through which "
            "request (X-Request-ID), and the values before and after. Read-only. A deleted "
            "row's history stays readable by id."
        ),
        responses=HistoryEntrySerializer(many=True),
        filters=False,
    )
    @action(
        detail=True, methods=["get"], serializer_class=HistoryEntrySerializer, filter_backends=[]
    )
    def history(self, request: Request, pk: str) -> Response:
        model = self.get_queryset().model
        try:
            model._meta.pk.to_python(pk)
        except DjangoValidationError as exc:
            raise Http404 from exc
        records = list(
            model.history.filter(id=pk)
            .select_related("history_user")
            .prefetch_related(*(accessor for accessor, _ in self.history_relations.values()))
            .order_by("history_date", "history_id")
        )
        if not self.get_queryset().filter(pk=pk).exists() and not (
            records
            and records[-1].history_type == "-"
            and self.may_read_deleted_history(records[-1])
        ):
            raise Http404
        entries = history_entries(records, self.history_relations)
        page = self.paginate_queryset(entries)  # type: ignore[arg-type]
        return self.get_paginated_response(HistoryEntrySerializer(page, many=True).data)

    def may_read_deleted_history(self, record: Any) -> bool:
        return access.role_in(self.request.user, record.history_workspace_id) is not None
