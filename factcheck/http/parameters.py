"""Query parameters, read one way: a serializer validates them, and a bad one is a 400 that
names it, as for a request body."""

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request


def read_query(
    serializer_class: type[serializers.Serializer[Any]], request: Request, **context: Any
) -> dict[str, Any]:
    """The request's query parameters as ``serializer_class`` validates them. They are read as
    the plain values they are, so that a parameter given blank is a blank value (refused
    where a field does not allow it) rather than a parameter left out."""
    query = serializer_class(
        data=request.query_params.dict(), context={"request": request, **context}
    )
    query.is_valid(raise_exception=True)
    params: dict[str, Any] = query.validated_data
    return params
