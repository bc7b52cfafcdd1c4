"""Verdicts, the rating scale, and agreement between reviewers."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.permissions import IsWorkspaceEditor
from annotations.api.viewsets import (
    LocatedCreateMixin,
    SelectedRows,
    WorkspaceScopedViewSet,
    summaries,
)
from annotations.review import selectors, services
from annotations.review.api import filters
from annotations.review.api.permissions import IsStaffOrReadOnly, VerdictPermission
from annotations.review.api.serializers import AgreementQuerySerializer, AgreementSerializer
from annotations.review.models import Rating, Verdict
from annotations.review.serializers import RatingSerializer, VerdictSerializer
from annotations.workspaces import access
from annotations.workspaces.models import Role
from factcheck.http.conditional import ConditionalUpdateMixin
from factcheck.http.parameters import read_query


@extend_schema_view(
    **summaries("a verdict", "verdicts"),
    submit=extend_schema(
        summary="Submit a verdict",
        description=(
            "Its reviewer's (or an editor's) final word on a draft, which needs an explanation "
            "and at least one source. A submitted verdict counts towards agreement, can be "
            "changed only by editors, and shows its reviewer the other reviewers' verdicts on "
            "the claim (blind review)."
        ),
        request=None,
    ),
    publish=extend_schema(
        summary="Publish a verdict",
        description=(
            "Editors only, for a submitted verdict. The claim's published verdict, if any, "
            "becomes `superseded`: a claim has one published verdict at a time."
        ),
        request=None,
    ),
)
class VerdictViewSet(WorkspaceScopedViewSet):
    """Reviewers' ratings of claims: one per reviewer and claim; drafted, submitted by the
    reviewer, published by an editor. Review is blind: a reviewer sees other reviewers'
    unpublished verdicts on a claim only once they have submitted their own."""

    serializer_class = VerdictSerializer
    filterset_class = filters.VerdictFilter
    ordering_fields = ["created_at", "updated_at", "published_at"]
    permission_classes = [
        IsAuthenticated,
        VerdictPermission,
    ]
    creator_roles = access.ROLES_THAT_REVIEW
    owner_field = "reviewer"
    workspace_field = "claim"

    def select(self, user: Any) -> QuerySet[Verdict]:
        return selectors.verdicts_for(user)

    def perform_destroy(self, instance: Verdict) -> None:
        services.verdict_check_deletable(instance)
        super().perform_destroy(instance)

    def may_read_deleted_history(self, record: Any) -> bool:
        # Blind review outlives the verdict: its reviewer and editors only.
        role = access.role_in(self.request.user, record.history_workspace_id)
        return role == Role.EDITOR or record.reviewer_id == self.request.user.pk

    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        verdict = services.verdict_submit(self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=verdict.pk)).data)

    @action(
        detail=True,
        methods=["post"],
        permission_classes=[IsAuthenticated, IsWorkspaceEditor],
    )
    def publish(self, request: Request, pk: str) -> Response:
        verdict = services.verdict_publish(self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=verdict.pk)).data)


@extend_schema_view(**summaries("a rating", "ratings"))
class RatingViewSet(
    LocatedCreateMixin, ConditionalUpdateMixin, SelectedRows, viewsets.ModelViewSet[Rating]
):
    """The installation's rating scale. Everyone reads it; staff users change it. A rating
    in use by a verdict cannot be deleted."""

    serializer_class = RatingSerializer
    permission_classes = [
        IsAuthenticated,
        IsStaffOrReadOnly,
    ]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    location_field = "slug"
    pagination_class = None
    filter_backends = []

    def select(self, user: Any) -> QuerySet[Rating]:
        return Rating.objects.all()


class AgreementView(APIView):
    """How far reviewers agree, for editors to judge the review process."""

    extra_error_codes = ("400", "403")

    @extend_schema(
        summary="Agreement between reviewers",
        description=(
            "Editors only, over the workspaces they edit. Krippendorff's alpha (nominal, and "
            "ordinal over the ordinal ratings only) over submitted, published and superseded "
            "verdicts, with the number of claims and verdicts it rests on, and Cohen's kappa "
            "for each pair of reviewers who rated at least `min_common` claims in common."
        ),
        parameters=[AgreementQuerySerializer],
        responses=AgreementSerializer,
    )
    def get(self, request: Request) -> Response:
        params = read_query(AgreementQuerySerializer, request)
        edited = access.workspaces_where(request.user, Role.EDITOR)
        if not edited:
            raise PermissionDenied("Agreement statistics are for editors.")
        if "workspace" in params:
            edited = access.workspaces_where(request.user, Role.EDITOR, slug=params["workspace"])
            if not edited:
                raise serializers.ValidationError(
                    {"workspace": ["Not a workspace you are an editor of."]}
                )
        verdicts = selectors.verdicts_to_agree_on(
            edited,
            article=params.get("article"),
            claimant=params.get("claimant"),
            since=params.get("since"),
            until=params.get("until"),
        )
        report = selectors.agreement_report(verdicts, min_common=params["min_common"])
        return Response(AgreementSerializer(report).data)
