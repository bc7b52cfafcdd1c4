"""ETags on single-resource responses, with If-None-Match (304) on reads and If-Match (412)
on changes, so that two people editing one record cannot overwrite each other unseen."""

from __future__ import annotations

import hashlib
from typing import Any

from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from factcheck.db import in_a_change
from factcheck.http.renderers import dumps


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource changed since you read it (its ETag differs from If-Match)."
    default_code = "precondition_failed"


def etag_of(representation: Any) -> str:
    encoded = dumps(representation, sort_keys=True)
    return '"' + hashlib.sha256(encoded).hexdigest()[:32] + '"'


def _matches(header: str, etag: str, *, weak: bool) -> bool:
    """RFC 9110: If-None-Match compares weakly (a W/ tag matches), If-Match strongly."""
    tags = {tag.strip() for tag in header.split(",")}
    if weak:
        tags = {tag.removeprefix("W/") for tag in tags}
    return "*" in tags or etag in tags


def fresh(request: Request, etag: str) -> bool:
    """Whether the client holds this representation already: a GET or HEAD whose
    If-None-Match names ``etag`` (answered 304)."""
    cached = request.headers.get("If-None-Match")
    return (
        request.method in {"GET", "HEAD"}
        and cached is not None
        and _matches(cached, etag, weak=True)
    )


class ConditionalMixin(GenericViewSet[Any]):
    """For viewsets: ``ETag`` on every single-resource response; ``If-None-Match`` answers
    304; ``If-Match`` on PUT, PATCH and DELETE is checked against the row as it is now
    (under the row lock, when the view takes one)."""

    def single_resource(self) -> bool:
        return self.action in {"create", "retrieve", "update", "partial_update"} or (
            bool(self.detail) and self.action not in {"destroy", "history"}
        )

    change_report_fields: frozenset[str] = frozenset()
    """Fields of a change's response that report on the change (how spans were re-anchored,
    likely duplicates) rather than being part of the resource: the ETag leaves them out, so
    that it is the one a GET of the resource gives."""

    def resource_etag(self, representation: Any) -> str:
        if isinstance(representation, dict) and self.change_report_fields:
            representation = {
                name: value
                for name, value in representation.items()
                if name not in self.change_report_fields
            }
        return etag_of(representation)

    def check_if_match(self, obj: Any) -> None:
        expected = self.request.headers.get("If-Match")
        if expected and not _matches(
            expected, self.resource_etag(self.get_serializer(obj).data), weak=False
        ):
            raise PreconditionFailed

    actions_locking_for_themselves: frozenset[str] = frozenset()
    """Changes whose services lock rows themselves, in an order that must not be preceded by
    a lock on the view's row."""

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()
        if (
            self.request.method not in SAFE_METHODS
            and in_a_change()
            and self.detail
            and self.action not in self.actions_locking_for_themselves
        ):
            # A change works on the row as it is now: concurrent changes queue, and the
            # precondition and permissions are checked on what will really be changed.
            queryset = queryset.select_for_update(of=("self",))
        return queryset

    def get_object(self) -> Any:
        obj = super().get_object()
        if self.request.method == "DELETE":
            self.check_if_match(obj)
        return obj

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if not (status.is_success(response.status_code) and self.single_resource()):
            return response
        if response.data is None:
            return response
        # A representation kept ready (factcheck.http.rendered) comes with its ETag.
        etag = response.get("ETag") or self.resource_etag(response.data)
        response["ETag"] = etag
        if fresh(request, etag):
            not_modified = Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
            return super().finalize_response(request, not_modified, *args, **kwargs)
        return response


class ConditionalUpdateMixin(ConditionalMixin):
    """``ConditionalMixin`` for viewsets that update: If-Match on PUT and PATCH too."""

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # DRF's update, with the precondition checked after validation: a malformed request
        # is a 400 whatever its If-Match.
        instance = self.get_object()
        serializer = self.get_serializer(
            instance, data=request.data, partial=kwargs.pop("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        self.check_if_match(instance)
        self.perform_update(serializer)  # type: ignore[attr-defined]
        return Response(serializer.data)
