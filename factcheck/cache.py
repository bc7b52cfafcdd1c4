"""The shared cache (``CACHE_URL``) as a help, not a dependency.

Everything the service keeps in the cache (rate-limit counts, credentials, rendered
annotations) can be done without it: when the cache fails (Redis down or slow), each use
falls back to doing without, one warning is logged, and the cache is left alone for
``CACHE_RETRY_SECONDS`` so that each request does not wait for it in turn.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)

CACHE_RETRY_SECONDS = 10.0
"""After the cache fails, how long the service goes without it before trying it again."""

clock: Callable[[], float] = time.time
"""The time now, in seconds since the epoch (replaced in tests)."""

T = TypeVar("T")


@dataclass
class _CacheHealth:
    """This process's view of the cache: failing until ``down_until``."""

    down_until: float = 0.0


health = _CacheHealth()


def guarded(operation: Callable[[], T], fallback: T) -> T:
    """``operation()`` on the cache, or ``fallback`` while the cache is failing."""
    if clock() < health.down_until:
        return fallback
    try:
        return operation()
    except Exception:
        health.down_until = clock() + CACHE_RETRY_SECONDS
        log.warning(
            "The cache failed: for the next %s seconds, rate limits are not counted and "
            "nothing is cached.",
            CACHE_RETRY_SECONDS,
            exc_info=True,
        )
        return fallback
