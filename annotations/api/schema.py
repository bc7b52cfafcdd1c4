"""OpenAPI generation: the error responses every operation can give, documented once."""

from typing import Any

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated


class ErrorSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(help_text="What went wrong, for people.")


VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": (
        "One key per field at fault (`non_field_errors` for the request as a whole), "
        "each with the list of problems found."
    ),
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def _error(description: str, detail: str) -> OpenApiResponse:
    return OpenApiResponse(
        ErrorSerializer,
        description=description,
        examples=[OpenApiExample("Error", value={"detail": detail}, response_only=True)],
    )


ERRORS: dict[str, OpenApiResponse] = {
    "400": OpenApiResponse(
        VALIDATION_ERROR_SCHEMA,
        description="The request is invalid; each field at fault is named.",
        examples=[
            OpenApiExample(
                "Invalid fields",
                value={
                    "end": ["Must be greater than start (12)."],
                    "article": [
                        'Invalid pk "3fa85f64-5717-4562-b3fc-2c963f66afa6" - object does not exist.'
                    ],
                },
                response_only=True,
            )
        ],
    ),
    "401": _error(
        "No valid credentials were given.", "Authentication credentials were not provided."
    ),
    "403": _error(
        "Your role does not allow this.",
        "Only its author or an editor of the workspace may change this.",
    ),
    "404": _error("No such resource in your workspaces.", "No Article matches the given query."),
    "409": _error(
        "The data's current state forbids this, for example deleting something other records "
        "depend on. Nothing was changed.",
        "Cannot delete this: 2 spans still depend on it. Remove those first.",
    ),
    "415": _error(
        "The request body is not JSON.", 'Unsupported media type "text/plain" in request.'
    ),
}


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, plus the error responses that apply to each operation."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(ERRORS[code], code)
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
        return codes
