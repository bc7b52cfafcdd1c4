"""Workspaces and their members as the API shows them."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples
from annotations.api.serializers import (
    FixedAfterCreationMixin,
    ModelSerializer,
    StrictSlugRelatedField,
    acting_user,
)
from annotations.workspaces import access
from annotations.workspaces.models import Membership, Role, Workspace


@extend_schema_serializer(examples=examples.WORKSPACE_EXAMPLES)
class WorkspaceSerializer(ModelSerializer[Workspace]):
    """A workspace you belong to, with your role in it."""

    role = serializers.SerializerMethodField(help_text="Your role in this workspace.")

    class Meta:
        model = Workspace
        fields = ["slug", "name", "role"]

    @extend_schema_field(serializers.ChoiceField(choices=Role.choices))
    def get_role(self, workspace: Workspace) -> str | None:
        return access.role_in(acting_user(self.context), workspace.pk)


@extend_schema_serializer(examples=examples.MEMBERSHIP_EXAMPLES)
class MembershipSerializer(FixedAfterCreationMixin, ModelSerializer[Membership]):
    username = StrictSlugRelatedField(
        source="user", slug_field="username", queryset=get_user_model().objects.all()
    )

    class Meta:
        model = Membership
        fields = ["username", "role", "created_at"]
        fixed_after_creation = ["username"]

    def validate_username(self, user: Any) -> Any:
        workspace = self.context["workspace"]
        if self.instance is None and workspace.memberships.filter(user=user).exists():
            raise serializers.ValidationError(
                "Already a member of this workspace; change their role instead."
            )
        return user
