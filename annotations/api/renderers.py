from collections.abc import Mapping
from typing import Any

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from annotations.webannotation import PROFILE

_encoder = JSONEncoder()


def dumps(data: Any, *, sort_keys: bool = False) -> bytes:
    """``data`` as compact UTF-8 JSON by orjson, with DRF's encoder for what orjson does not
    know (lazy strings, decimals, querysets). The same JSON as DRF's renderer writes, in a
    fraction of the time on large responses."""
    option = orjson.OPT_SORT_KEYS if sort_keys else 0
    encoded = orjson.dumps(data, default=_encoder.default, option=option)
    # As DRF does: these two are valid JSON but end a line in JavaScript source.
    return encoded.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")


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
        if self.get_indent(accepted_media_type or "", dict(renderer_context or {})):
            return super().render(data, accepted_media_type, renderer_context)
        return dumps(data)


class WebAnnotationRenderer(JSONRenderer):
    """W3C Web Annotation JSON-LD, chosen by ``Accept: application/ld+json; profile=...``."""

    media_type = f'application/ld+json; profile="{PROFILE}"'
    format = "w3c"
