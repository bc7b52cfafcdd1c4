"""The one place where domain and database errors become HTTP responses."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from annotations.exceptions import Conflict


class ConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the data."
    default_code = "conflict"


def _protected_detail(exc: ProtectedError | RestrictedError) -> str:
    blockers: dict[str, int] = {}
    for obj in exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects:
        name = str(obj._meta.verbose_name_plural)
        blockers[name] = blockers.get(name, 0) + 1
    # A claim citing a span shows up as the through row; name what the user knows.
    listed = ", ".join(
        f"{count} {name.replace('claim spans', 'claim citation(s)')}"
        for name, count in sorted(blockers.items())
    )
    return f"Cannot delete this: it is still referenced by {listed}. Remove those first."


def _as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Conflict):
        return ConflictError(str(exc))
    if isinstance(exc, ProtectedError | RestrictedError):
        return ConflictError(_protected_detail(exc))
    if isinstance(exc, IntegrityError):
        # A database constraint caught what validation could not see, typically a concurrent
        # request that wrote the same row first.
        return ConflictError("The change conflicts with data saved in the meantime. Retry it.")
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    return drf_exception_handler(_as_api_exception(exc), context)
