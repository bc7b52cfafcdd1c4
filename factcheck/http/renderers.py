from collections.abc import Mapping
from typing import Any

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

_encoder = JSONEncoder()


def dumps(data: Any, *, sort_keys: bool = False) -> bytes:
    """``data`` as compact UTF-8 JSON by orjson, with DRF's encoder for what orjson does not
    know (lazy strings, decimals, querysets). The same JSON as DRF's renderer writes, in a
    fraction of the time on large responses."""
    option = orjson.OPT_SORT_KEYS if sort_keys else 0
    encoded = orjson.dumps(data, default=_encoder.default, option=option)
    # As DRF does: these two are valid JSON but end a line in JavaScript source.
    return encoded.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")


class Rendered(bytes):
    """JSON rendered already (``factcheck.http.rendered``): the JSON renderer writes it as it
    is."""


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSON renderer, encoding with orjson unless indentation is asked for."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if isinstance(data, Rendered):
            return bytes(data)
        if self.get_indent(accepted_media_type or "", dict(renderer_context or {})):
            return super().render(data, accepted_media_type, renderer_context)
        return dumps(data)


def html_safe(encoded: bytes) -> bytes:
    """JSON that may be pasted into an HTML ``<script>`` element as it is: ``<``, ``>`` and
    ``&`` (which JSON has only inside strings) written as ``\\u`` escapes, so that no
    ``</script>`` or comment in a value ends the element."""
    return encoded.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


class JSONLDRenderer(JSONRenderer):
    """JSON-LD, written to be safe inside HTML: the form in which publishers embed it in
    their pages (``<script type="application/ld+json">``)."""

    media_type = "application/ld+json"
    format = "jsonld"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        return html_safe(super().render(data, accepted_media_type, renderer_context))
