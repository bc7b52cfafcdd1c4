"""Ready representations: JSON rendered once and kept in the shared cache, served as bytes.

A view that can name the version of what it shows (a counter the database keeps, so that
every change moves it) keeps its rendered JSON under a key made of that version, and serves
the bytes without building or rendering anything while the version stands. Keys hold a
fingerprint of the code and of the ``FACTCHECK_*`` settings, so a deployment that changes
how something is shown never serves what older code rendered.

The cache is a help, not a dependency (``factcheck.cache``): when it fails, views render as
they would without it.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck.cache import guarded
from factcheck.http.renderers import JSONRenderer, Rendered, dumps

KEEP_SECONDS = 24 * 3600
"""How long a representation stays unread before the cache may drop it (a newer version
replaces it anyway: its key is never read again)."""

PACKAGES = ("annotations", "factcheck")
"""The packages whose code decides what representations look like."""


@functools.cache
def fingerprint() -> str:
    """A digest of the project's code and of its ``FACTCHECK_*`` settings."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[2]
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    for name in sorted(name for name in dir(settings) if name.startswith("FACTCHECK_")):
        digest.update(f"{name}={getattr(settings, name)!r}".encode())
    return digest.hexdigest()[:16]


def key(*parts: Any) -> str:
    """The cache key of a representation named by ``parts`` (a kind, ids, versions)."""
    named = ":".join(str(part) for part in parts)
    return f"rendered:{fingerprint()}:" + hashlib.sha256(named.encode()).hexdigest()


def etag(*parts: Any) -> str:
    """A strong ETag for the representation named by ``parts``: the same bytes whenever the
    parts are the same."""
    return '"' + key(*parts).rsplit(":", 1)[1][:32] + '"'


def serves_rendered(request: Request) -> bool:
    """Whether the response is plain compact JSON, the form kept ready (not indented, not
    the browsable API, not another media type)."""
    renderer = getattr(request, "accepted_renderer", None)
    return type(renderer) is JSONRenderer and not renderer.get_indent(
        request.accepted_media_type or "", {}
    )


def kept(keys: Iterable[str]) -> dict[str, bytes]:
    """The representations the cache holds among ``keys``."""
    wanted = list(keys)
    return guarded(lambda: caches["default"].get_many(wanted), {})


def keep(representations: dict[str, bytes]) -> None:
    guarded(lambda: caches["default"].set_many(representations, timeout=KEEP_SECONDS), None)


def served(key: str, render: Callable[[], Response]) -> Response:
    """The representation kept under ``key``, or ``render()``'s response, kept for the next
    reader when it is a success."""
    found = kept([key]).get(key)
    if found is not None:
        return Response(Rendered(found))
    response = render()
    if response.status_code == 200:
        keep({key: dumps(response.data)})
    return response
