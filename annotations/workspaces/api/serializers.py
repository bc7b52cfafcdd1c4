"""Who you are, and logging in."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from annotations.api import examples
from annotations.api.serializers import (
    StrictCharField,
)
from annotations.workspaces.models import Role
from annotations.workspaces.serializers import WorkspaceSerializer


@extend_schema_serializer(examples=examples.ME_EXAMPLES)
class MeSerializer(serializers.Serializer[Any]):
    username = serializers.CharField()
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=Role.choices),
        help_text="The roles you hold in any workspace.",
    )
    workspaces = WorkspaceSerializer(many=True)


class CredentialsSerializer(serializers.Serializer[Any]):
    username = StrictCharField()
    password = StrictCharField(style={"input_type": "password"}, trim_whitespace=False)


class AuthTokenSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(
        help_text="Send it as `Authorization: Bearer <token>` (or `Token <token>`)."
    )
