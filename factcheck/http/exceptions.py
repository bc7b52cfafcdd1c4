"""The one place where domain and database errors become HTTP responses."""

from collections import Counter
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from factcheck.errors import Conflict
from factcheck.http import problems


class ConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the data."
    default_code = "conflict"


def _protected_detail(exc: ProtectedError | RestrictedError) -> str:
    blockers = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
    counts = Counter(type(obj) for obj in blockers)
    listed = ", ".join(
        f"{count} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
        for model, count in sorted(counts.items(), key=lambda item: item[0].__name__)
    )
    return f"Cannot delete this: {listed} still depend on it. Remove those first."


def _as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, Http404):
        return exceptions.NotFound(*exc.args)
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(*exc.args)
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Conflict):
        return ConflictError(str(exc))
    if isinstance(exc, ProtectedError | RestrictedError):
        return ConflictError(_protected_detail(exc))
    if isinstance(exc, DataError):
        # Validation lets through few values the database refuses; name the request anyway.
        return exceptions.ValidationError(
            {"non_field_errors": ["A value in the request cannot be stored or searched for."]}
        )
    if isinstance(exc, IntegrityError):
        # A database constraint caught what validation could not see, typically a concurrent
        # request that wrote the same row first.
        return ConflictError("The change conflicts with data saved in the meantime. Retry it.")
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handling (status, headers such as ``Retry-After``), with an RFC 9457 body."""
    exc = _as_api_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        response.data = problems.validation_problem(exc.detail)
    else:
        response.data = problems.problem(response.status_code, exc.default_code, str(exc.detail))
    renderer = getattr(context["request"], "accepted_renderer", None)
    if renderer is None or renderer.format != "api":  # the browsable API renders HTML
        response.content_type = problems.CONTENT_TYPE
    return response
