"""Your workspaces, their members, who you are, and logging in."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib.auth import authenticate
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.viewsets import LocatedCreateMixin, SelectedRows
from annotations.workspaces import access, login_limits, selectors, services
from annotations.workspaces.api.permissions import IsEditorOfWorkspaceOrReadOnly
from annotations.workspaces.api.serializers import (
    AuthTokenSerializer,
    CredentialsSerializer,
    MeSerializer,
)
from annotations.workspaces.models import Membership, Workspace
from annotations.workspaces.serializers import MembershipSerializer, WorkspaceSerializer
from factcheck.http import rendered
from factcheck.http.conditional import ConditionalMixin, ConditionalUpdateMixin


@extend_schema_view(
    list=extend_schema(summary="List your workspaces"),
    retrieve=extend_schema(summary="Get a workspace"),
)
class WorkspaceViewSet(ConditionalMixin, SelectedRows, viewsets.ReadOnlyModelViewSet[Workspace]):
    """The workspaces you are a member of, with your role in each."""

    serializer_class = WorkspaceSerializer
    lookup_field = "slug"
    filter_backends = []

    def select(self, user: Any) -> QuerySet[Workspace]:
        return selectors.workspaces_for(user)


WORKSPACE_SLUG = OpenApiParameter(
    "workspace_slug", str, OpenApiParameter.PATH, description="Slug of the workspace."
)
USERNAME = OpenApiParameter(
    "username", str, OpenApiParameter.PATH, description="Member's username."
)


@extend_schema_view(
    list=extend_schema(summary="List members of a workspace", parameters=[WORKSPACE_SLUG]),
    create=extend_schema(summary="Add a member to a workspace", parameters=[WORKSPACE_SLUG]),
    retrieve=extend_schema(summary="Get a member", parameters=[WORKSPACE_SLUG, USERNAME]),
    partial_update=extend_schema(
        summary="Change a member's role", parameters=[WORKSPACE_SLUG, USERNAME]
    ),
    update=extend_schema(summary="Replace a membership", parameters=[WORKSPACE_SLUG, USERNAME]),
    destroy=extend_schema(
        summary="Remove a member from a workspace", parameters=[WORKSPACE_SLUG, USERNAME]
    ),
)
class MembershipViewSet(
    LocatedCreateMixin, ConditionalUpdateMixin, SelectedRows, viewsets.ModelViewSet[Membership]
):
    """Members of a workspace and their roles. Members read; editors manage. A workspace
    always keeps at least one editor."""

    serializer_class = MembershipSerializer
    permission_classes = [
        IsAuthenticated,
        IsEditorOfWorkspaceOrReadOnly,
    ]
    lookup_field = "user__username"
    lookup_url_kwarg = "username"
    location_field = "username"
    filter_backends = []
    # The model, for the schema, which cannot call ``select`` without a workspace in the URL.
    queryset = Membership.objects.none()

    @property
    def workspace(self) -> Workspace:
        if not hasattr(self, "_workspace"):
            self._workspace = get_object_or_404(
                selectors.workspaces_for(self.request.user), slug=self.kwargs["workspace_slug"]
            )
        return self._workspace

    def select(self, user: Any) -> QuerySet[Membership]:
        return selectors.members_of(self.workspace)

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if "workspace_slug" in self.kwargs:
            context["workspace"] = self.workspace
        return context

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        data = serializer.validated_data
        serializer.instance = services.membership_set_role(
            self.workspace, data["user"], data["role"]
        )

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        membership: Membership = serializer.instance  # type: ignore[assignment]
        role = serializer.validated_data.get("role", membership.role)
        serializer.instance = services.membership_set_role(self.workspace, membership.user, role)

    def perform_destroy(self, instance: Membership) -> None:
        services.membership_remove(instance)


class MeView(APIView):
    """Who you are: your username, roles and workspaces."""

    @extend_schema(summary="Get the current user", responses=MeSerializer)
    def get(self, request: Request) -> Response:
        # Kept ready for a token's credentials: they are read anew after any change it shows.
        stamp = getattr(request.auth, "stamp", None)
        if stamp is None or not rendered.serves_rendered(request):
            return self.render(request)
        return rendered.served(rendered.key("me", stamp), partial(self.render, request))

    def render(self, request: Request) -> Response:
        workspaces = selectors.workspaces_for(request.user)
        roles = sorted(set(access.roles_by_workspace(request.user).values()))
        data = {"username": request.user.get_username(), "roles": roles, "workspaces": workspaces}
        return Response(MeSerializer(data, context={"request": request}).data)


class AuthTokenView(APIView):
    """Exchange a username and password for an API token."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Get an API token",
        request=CredentialsSerializer,
        responses={200: AuthTokenSerializer},
        examples=[
            OpenApiExample(
                "Demo editor",
                value={"username": "demo-editor", "password": "demo-password"},
                request_only=True,
            ),
            OpenApiExample(
                "Token",
                value={"token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"},
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        credentials = CredentialsSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request=request, **credentials.validated_data)
        if user is None:
            wait = login_limits.retry_after(request)
            if wait is not None:
                raise Throttled(
                    wait,
                    detail="Too many failed logins for this account: logging in as it is "
                    f"refused for {wait} more seconds.",
                )
            raise serializers.ValidationError(
                {"non_field_errors": ["Unable to log in with the username and password given."]}
            )
        token = services.token_for(user)
        return Response(AuthTokenSerializer({"token": token}).data, status=status.HTTP_200_OK)
