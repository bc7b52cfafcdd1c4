import csv
import io
from typing import Any

import orjson
from django.utils.http import parse_header_parameters
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


class JSONLDParser(JSONParser):
    """JSON-LD, read as the JSON it is: no ``@context`` is fetched or expanded."""

    media_type = "application/ld+json"


class CSVParser(parsers.BaseParser):
    """CSV (RFC 4180) read into rows, the header first, each a list of cells. UTF-8 unless
    the Content-Type names another ``charset``; a byte-order mark is dropped. A body that is
    not text in its charset, or not CSV (a quote left open), is a 400."""

    media_type = "text/csv"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        _, params = parse_header_parameters(media_type or self.media_type)
        charset = params.get("charset", "utf-8")
        try:
            text = (stream.read() if stream is not None else b"").decode(charset)
        except (LookupError, UnicodeDecodeError) as exc:
            raise ParseError(f"CSV parse error - not text in {charset}: {exc}") from exc
        try:
            return list(
                csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
            )
        except csv.Error as exc:
            raise ParseError(f"CSV parse error - {exc}") from exc
