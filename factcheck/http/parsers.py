from typing import Any

import orjson
from rest_framework import parsers, serializers
from rest_framework.exceptions import ParseError

MAX_DEPTH = 32
"""How deeply a request's JSON may nest lists and objects. The API's own documents nest a
few levels (a Web Annotation's selectors, about eight); anything deeper is an attack on the
code that walks it."""


def too_deep(data: Any, limit: int = MAX_DEPTH) -> tuple[str, ...] | None:
    """The path to the first list or object of ``data`` nested deeper than ``limit``, or None.
    Walked with a stack, not recursion, so that the check itself cannot overflow."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > limit:
            return path
        children = value.items() if isinstance(value, dict) else enumerate(value)
        stack.extend(
            (child, (*path, str(key))) for key, child in children if isinstance(child, dict | list)
        )
    return None


def field_of(path: tuple[str, ...]) -> str:
    """The field a path into a request lies in: its item numbers (of a batch) up to and
    including the first name."""
    for position, key in enumerate(path):
        if not key.isdigit():
            return ".".join(path[: position + 1])
    return ".".join(path[:1])


class JSONParser(parsers.JSONParser):
    """JSON (RFC 8259: UTF-8, no NaN or Infinity) decoded by orjson, which does not recurse
    on Python's stack, then refused when nested deeper than ``MAX_DEPTH``, with a validation
    error naming the field: code that recurses through a value would otherwise fail with a
    500. orjson reads numbers past 64 bits as floats, which integer fields refuse."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = orjson.loads(stream.read())
        except orjson.JSONDecodeError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
        if isinstance(data, dict | list) and (path := too_deep(data)) is not None:
            raise serializers.ValidationError(
                {field_of(path): [f"Nested more than {MAX_DEPTH} levels deep."]}, code="invalid"
            )
        return data
