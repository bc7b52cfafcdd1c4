"""The API's serializer building blocks: strict fields, relations that see only the caller's
workspaces, fields fixed at creation."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import Model
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS
from rest_framework.serializers import as_serializer_error

from annotations.workspaces import access
from annotations.workspaces.models import Workspace


class StrictString(serializers.CharField):
    """A string and only a string: DRF's CharField would store the number 0 as "0"."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(StrictString):
    pass


class StrictSlugField(StrictString, serializers.SlugField):
    pass


class StrictURLField(StrictString, serializers.URLField):
    pass


class StrictManyRelatedField(serializers.ManyRelatedField):
    """A list and only a list: DRF's would read an object's keys as the ids."""

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


M = TypeVar("M", bound=Model)


class ModelSerializer(serializers.ModelSerializer[M]):
    """DRF's ModelSerializer whose text fields take strings and nothing else."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: StrictSlugField,
        models.URLField: StrictURLField,
    }


def validation_error(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(as_serializer_error(exc))


def acting_user(context: dict[str, Any]) -> Any:
    """Who the serializer works for: ``context["user"]`` where a caller names them (a
    management command), else the request's user (the API's views pass the request)."""
    return context["user"] if "user" in context else context["request"].user


class VisibleToRequestUser:
    """A related field that accepts only rows the requesting user can see; others are
    reported as not existing, exactly like ids that do not exist."""

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()  # type: ignore[misc]
        return queryset.visible_to(acting_user(self.context))  # type: ignore[attr-defined]


class ScalarRelatedField(serializers.RelatedField[Any, Any, Any]):
    """A relation given by one id or slug and nothing else: a list, an object or a boolean is
    refused before any lookup (DRF would hand it to the database layer, which may recurse
    through it)."""

    accepted_types: tuple[type, ...] = (str,)
    expected = "a string"

    def is_scalar(self, data: Any) -> bool:
        return isinstance(data, self.accepted_types) and not isinstance(data, bool)

    def to_internal_value(self, data: Any) -> Any:
        if not self.is_scalar(data):
            raise serializers.ValidationError(
                f"Incorrect type. Expected {self.expected}, received {type(data).__name__}.",
                code="incorrect_type",
            )
        if isinstance(data, str) and "\x00" in data:
            # Nothing is named so, and PostgreSQL cannot even look for it.
            raise serializers.ValidationError(
                "Null characters are not allowed.", code="null_characters_not_allowed"
            )
        return super().to_internal_value(data)


class StrictSlugRelatedField(ScalarRelatedField, serializers.SlugRelatedField):
    pass


class VisibleWorkspaceField(VisibleToRequestUser, StrictSlugRelatedField):
    pass


class VisiblePrimaryKeyField(
    VisibleToRequestUser, ScalarRelatedField, serializers.PrimaryKeyRelatedField
):
    accepted_types = (str, int)
    expected = "an id (a string)"

    def to_internal_value(self, data: Any) -> Any:
        # In a batch (a list serializer with a ``related`` cache), each id is looked up once.
        cache = getattr(self.root, "related", None)
        if cache is None or not self.is_scalar(data):
            return super().to_internal_value(data)
        key = (self.queryset.model if self.queryset is not None else None, str(data))
        if key not in cache:
            cache[key] = super().to_internal_value(data)
        return cache[key]

    @classmethod
    def many_init(cls, *args: Any, **kwargs: Any) -> StrictManyRelatedField:
        shared = {key: value for key, value in kwargs.items() if key in MANY_RELATION_KWARGS}
        return StrictManyRelatedField(child_relation=cls(*args, **kwargs), **shared)


class FixedAfterCreationMixin(serializers.Serializer[Any]):
    """Fields named in ``Meta.fixed_after_creation`` may be sent again on update, unchanged."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None:
            changed = {
                name: "Cannot be changed after creation."
                for name in self.Meta.fixed_after_creation  # type: ignore[attr-defined]
                if (source := self.fields[name].source_attrs[0]) in attrs
                and attrs[source] != getattr(self.instance, source)
            }
            if changed:
                raise serializers.ValidationError(changed)
        return super().validate(attrs)


class WorkspaceFieldMixin(FixedAfterCreationMixin):
    """``workspace``: a slug, fixed at creation, defaulting to the user's only workspace."""

    workspace = VisibleWorkspaceField(
        slug_field="slug",
        queryset=Workspace.objects.all(),
        required=False,
        help_text="Slug of the workspace. May be omitted by a user who belongs to exactly one.",
    )

    def default_workspace(self, attrs: dict[str, Any]) -> Workspace:
        if self.instance is not None:
            return self.instance.workspace
        if "workspace" in attrs:
            return attrs["workspace"]
        workspace = access.default_workspace(acting_user(self.context))
        if workspace is None:
            raise serializers.ValidationError(
                {"workspace": "This field is required when you belong to several workspaces."}
            )
        return workspace
