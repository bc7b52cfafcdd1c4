"""OpenAPI generation: the error responses every operation can give, documented once, with
one shared ``Problem`` component."""

from typing import Any

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated

from annotations.api.problems import CONTENT_TYPE, problem


class FieldErrorSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(
        allow_null=True,
        help_text="Path of the field at fault, nested fields by dots (`sources.0.url`); "
        "null for the request as a whole.",
    )
    code = serializers.CharField(help_text="Machine-readable, e.g. `required`, `invalid`.")
    message = serializers.CharField(help_text="What is wrong, for people.")


class ProblemSerializer(serializers.Serializer[Any]):
    """An RFC 9457 problem document, the body of every error response."""

    type = serializers.CharField(
        help_text="URI naming the kind of problem, e.g. `urn:factcheck:problem:not-found`."
    )
    title = serializers.CharField(help_text="The HTTP status phrase.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(help_text="What went wrong this time, for people.")

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        # Declared here because a class attribute would shadow Serializer.errors.
        fields["errors"] = FieldErrorSerializer(
            many=True, required=False, help_text="Validation problems only: each field at fault."
        )
        return fields


def _problem(status: int, code: str, description: str, detail: str, **extra: Any) -> Any:
    return OpenApiResponse(
        ProblemSerializer,
        description=description,
        examples=[
            OpenApiExample(
                "Problem", value=problem(status, code, detail, **extra), response_only=True
            )
        ],
    )


ERRORS: dict[str, OpenApiResponse] = {
    "400": _problem(
        400,
        "validation_error",
        "The request is invalid; `errors` names each field at fault.",
        "Invalid value for end, sources.0.url.",
        errors=[
            {"field": "end", "code": "invalid", "message": "Must be greater than start (12)."},
            {"field": "sources.0.url", "code": "invalid", "message": "Enter a valid URL."},
        ],
    ),
    "401": _problem(
        401,
        "not_authenticated",
        "No valid credentials were given.",
        "Authentication credentials were not provided.",
    ),
    "403": _problem(
        403,
        "permission_denied",
        "Your role does not allow this.",
        "Only its author or an editor of the workspace may change this.",
    ),
    "404": _problem(
        404,
        "not_found",
        "No such resource in your workspaces.",
        "No Article matches the given query.",
    ),
    "409": _problem(
        409,
        "conflict",
        "The data's current state forbids this, for example deleting something other records "
        "depend on. Nothing was changed.",
        "Cannot delete this: 2 spans still depend on it. Remove those first.",
    ),
    "415": _problem(
        415,
        "unsupported_media_type",
        "The request body is not JSON.",
        'Unsupported media type "text/plain" in request.',
    ),
}


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, plus the error responses that apply to each operation."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    ERRORS[code], code, media_types=[CONTENT_TYPE]
                )
        return dict(sorted(responses.items()))

    def _error_codes(self) -> list[str]:
        writes = self.method in {"POST", "PUT", "PATCH", "DELETE"}
        has_body = self.method in {"POST", "PUT", "PATCH"} and bool(self.get_request_serializer())
        authenticated = any(
            isinstance(permission, IsAuthenticated) for permission in self.view.get_permissions()
        )
        codes = []
        if (writes and self.method != "DELETE") or self._is_list_view():
            codes.append("400")
        if authenticated:
            codes.append("401")
            if writes:
                codes.append("403")
        if "{" in self.path:
            codes.append("404")
        if writes and authenticated:
            codes.append("409")
        if has_body:
            codes.append("415")
        codes.extend(getattr(self.view, "extra_error_codes", ()))
        return sorted(set(codes))
