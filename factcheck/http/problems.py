"""RFC 9457 problem details: the one shape of every error response of the API."""

from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:factcheck:problem:"
# Keys DRF uses for errors about the request as a whole rather than one field.
REQUEST_WIDE_KEYS = {"non_field_errors", "detail"}


PROBLEM_CODES = frozenset(
    {
        # DRF's exceptions
        "authentication_failed",
        "method_not_allowed",
        "not_acceptable",
        "not_authenticated",
        "not_found",
        "parse_error",
        "permission_denied",
        "throttled",
        "unsupported_media_type",
        "validation_error",
        # this project's
        "bad_request",
        "conflict",
        "idempotency-key-in-progress",
        "idempotency-key-reused",
        "invalid-idempotency-key",
        "length_required",
        "precondition_failed",
        "request_too_large",
        "server_error",
    }
)
"""Every kind of problem the API answers with; ``type`` is ``problem_type`` of one of them, and
the schema lists them all (a test finds every code the code base can emit)."""


def problem_type(code: str) -> str:
    return TYPE_PREFIX + code.replace("_", "-")


def problem(status: int, code: str, detail: str, **extra: Any) -> dict[str, Any]:
    """The problem document for ``status``; ``code`` names the problem type."""
    return {
        "type": problem_type(code),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }


def field_errors(detail: Any, path: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    """Flatten DRF's nested validation errors into ``{field, code, message}`` items, nested
    fields addressed by dotted path (``sources.0.url``); ``field`` is null for the request
    as a whole."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            yield from field_errors(value, path if key in REQUEST_WIDE_KEYS else (*path, str(key)))
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            nested = isinstance(item, dict | list)
            yield from field_errors(item, (*path, str(index)) if nested else path)
    else:
        yield {
            "field": ".".join(path) or None,
            "code": getattr(detail, "code", None) or "invalid",
            "message": str(detail),
        }


def validation_problem(detail: Any) -> dict[str, Any]:
    errors = list(field_errors(detail))
    fields = sorted({error["field"] for error in errors if error["field"]})
    summary = (
        (f"Invalid value for {', '.join(fields)}." if fields else errors[0]["message"])
        if errors
        else "The request is invalid."
    )
    return problem(400, "validation_error", summary, errors=errors)


def problem_response(status: int, code: str, detail: str) -> JsonResponse:
    """A problem response for code outside DRF's views (middleware, Django's error views)."""
    return JsonResponse(problem(status, code, detail), status=status, content_type=CONTENT_TYPE)


def no_endpoint() -> JsonResponse:
    return problem_response(404, "not_found", "No API endpoint at this path.")


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 for paths no view matched: a problem document under /api/."""
    if is_api_request(request):
        return no_endpoint()
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api_request(request):
        return problem_response(500, "server_error", "The server failed; the error is logged.")
    return defaults.server_error(request)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api_request(request):
        return problem_response(400, "bad_request", "The request is malformed.")
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api_request(request):
        return problem_response(403, "permission_denied", "You may not do this.")
    return defaults.permission_denied(request, exception)
